using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Platform.Populations.Domain.Analysis;

/// <summary>
/// A stable hash (SHA-256, hex) over the content of an analysis result, so the service publishes an event
/// only when the outcome changed. Independent of the order of the items and of the order inside their sets.
/// </summary>
public static class AnalysisFingerprint
{
    public static string Of(IEnumerable<PopulationOverlap> overlaps)
    {
        ArgumentNullException.ThrowIfNull(overlaps);
        return Combine("overlaps/1", overlaps.Select(overlap => ItemHash(buffer =>
        {
            Write(buffer, overlap.First.Id.ToString("N"), overlap.First.Name, overlap.Second.Id.ToString("N"), overlap.Second.Name);
            WriteCodes(buffer, overlap.Areas);
            WriteCodes(buffer, overlap.Neighbourhoods);
            Write(buffer, overlap.Group.Ages.ToString(), string.Join(' ', overlap.Group.Laws.Order()));
            Write(buffer, string.Join('\n', overlap.Group.CareForms.Order(StringComparer.Ordinal)), overlap.Group.DiagnosisGroup ?? "\0");
            Write(buffer, overlap.Period.ToString());
        })));
    }

    public static string Of(IEnumerable<CoverageGap> gaps)
    {
        ArgumentNullException.ThrowIfNull(gaps);
        return Combine("gaps/1", gaps.Select(gap => ItemHash(buffer =>
        {
            Write(buffer, gap.Law.ToString());
            WriteCodes(buffer, gap.Areas);
            WriteCodes(buffer, gap.Neighbourhoods);
            Write(buffer, gap.Ages.ToString(), gap.Period.ToString());
        })));
    }

    // Hashing each item on its own and sorting the item hashes makes the result independent of item order.
    private static string Combine(string kind, IEnumerable<byte[]> itemHashes)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(kind));
        foreach (var item in itemHashes.Order(Comparer<byte[]>.Create((a, b) => a.AsSpan().SequenceCompareTo(b))))
        {
            hash.AppendData(item);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    // One buffer per thread, reused: an item is written out whole and hashed in one call.
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? _buffer;

    private static byte[] ItemHash(Action<ArrayBufferWriter<byte>> write)
    {
        var buffer = _buffer ??= new ArrayBufferWriter<byte>(4096);
        buffer.ResetWrittenCount();
        write(buffer);
        return SHA256.HashData(buffer.WrittenSpan);
    }

    private static void WriteCodes(ArrayBufferWriter<byte> buffer, IReadOnlyList<AreaCode> codes)
    {
        // The analyses already list codes in tree order; sort only lists built some other way.
        var inOrder = true;
        for (var i = 1; i < codes.Count && inOrder; i++)
        {
            inOrder = string.CompareOrdinal(codes[i - 1].Value, codes[i].Value) <= 0;
        }

        var values = inOrder ? codes.Select(code => code.Value) : codes.Select(code => code.Value).Order(StringComparer.Ordinal);
        Write(buffer, codes.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var value in values)
        {
            Write(buffer, value);
        }
    }

    // Each field is length-prefixed, so no name or code can be mistaken for a field boundary.
    private static void Write(ArrayBufferWriter<byte> buffer, params string[] fields)
    {
        foreach (var field in fields)
        {
            Write(buffer, field);
        }
    }

    private static void Write(ArrayBufferWriter<byte> buffer, string field)
    {
        var span = buffer.GetSpan(4 + Encoding.UTF8.GetMaxByteCount(field.Length));
        var length = Encoding.UTF8.GetBytes(field, span[4..]);
        BinaryPrimitives.WriteInt32LittleEndian(span, length);
        buffer.Advance(4 + length);
    }
}
