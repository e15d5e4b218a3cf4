using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Platform.Security.TokenCaching;

/// <summary>
/// The SHA-256 digest of a whole token (header, claims and signature): two tokens differing in one byte have
/// different keys, and a key is 32 bytes whatever the length of the token.
/// </summary>
internal readonly record struct TokenDigest(UInt128 High, UInt128 Low)
{
    private const int StackLimit = 4096;

    public static TokenDigest Of(string token)
    {
        var length = Encoding.UTF8.GetMaxByteCount(token.Length);
        byte[]? rented = length > StackLimit ? ArrayPool<byte>.Shared.Rent(length) : null;
        try
        {
            Span<byte> buffer = rented ?? stackalloc byte[StackLimit];
            var written = Encoding.UTF8.GetBytes(token, buffer);
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(buffer[..written], hash);
            return new TokenDigest(
                System.Buffers.Binary.BinaryPrimitives.ReadUInt128LittleEndian(hash),
                System.Buffers.Binary.BinaryPrimitives.ReadUInt128LittleEndian(hash[16..]));
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
