using System.Text;

namespace Platform.Populations.Import;

/// <summary>
/// Reads a CBS "Kerncijfers wijken en buurten" CSV export: semicolon-separated, a header row, columns matched
/// on their stem so that every edition's renumbered suffixes work. Bad rows are reported, not fatal; a
/// missing required column (<c>Codering</c>, <c>SoortRegio</c>, <c>WijkenEnBuurten</c>) fails the file with a
/// <see cref="CbsFileException"/>. Rows of the national total (<c>NL00</c>) are skipped.
/// </summary>
public static class CbsKerncijfersReader
{
    /// <summary>
    /// Reads the whole file. <paramref name="allowedMunicipalities"/> holds the municipality codes
    /// (<c>GMnnnn</c>) the caller may import for; rows of others are rejected. Null allows all.
    /// </summary>
    public static CbsReadResult Read(TextReader text, IReadOnlySet<string>? allowedMunicipalities = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parser = new CbsRowParser(text.ReadLine() ?? throw EmptyFile(), allowedMunicipalities);
        var lineNumber = 1;
        while (text.ReadLine() is { } line)
        {
            parser.Parse(line, ++lineNumber);
        }

        return parser.Result();
    }

    /// <summary>Reads without blocking, for request bodies and other streams that disallow synchronous reads.</summary>
    public static async Task<CbsReadResult> ReadAsync(
        TextReader text, IReadOnlySet<string>? allowedMunicipalities = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        var headerLine = await text.ReadLineAsync(cancellationToken).ConfigureAwait(false);
        var parser = new CbsRowParser(headerLine ?? throw EmptyFile(), allowedMunicipalities);
        var lineNumber = 1;
        while (await text.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            parser.Parse(line, ++lineNumber);
        }

        return parser.Result();
    }

    /// <summary>Reads a UTF-8 stream (a byte order mark is allowed); the stream is left open.</summary>
    public static Task<CbsReadResult> ReadAsync(
        Stream stream, IReadOnlySet<string>? allowedMunicipalities = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return ReadFromStreamAsync(stream, allowedMunicipalities, cancellationToken);
    }

    private static async Task<CbsReadResult> ReadFromStreamAsync(
        Stream stream, IReadOnlySet<string>? allowedMunicipalities, CancellationToken cancellationToken)
    {
        using var text = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        return await ReadAsync(text, allowedMunicipalities, cancellationToken).ConfigureAwait(false);
    }

    private static CbsFileException EmptyFile() => new("The file is empty: expected a header row with the column names.");
}
