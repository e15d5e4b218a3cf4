using System.Security.Cryptography;
using System.Text;
using Platform.Security;

namespace Platform.Persistence.Sessions;

/// <summary>
/// The signature that lets the database accept a caller context from the service and from nothing else. The key
/// is derived from the owner's secret, so SQL running as the application role (an injected statement, say) can
/// neither read it from the database nor compute it. The database checks the signature with plain SHA-256 over
/// the HMAC pads written at bootstrap (<see cref="Pads"/>), so it needs no extension.
/// </summary>
internal static class CallerContextSeal
{
    private const int BlockSize = 64;

    /// <summary>HMAC-SHA256 over the backend, the time of issue and the context, as the database frames them.</summary>
    public static byte[] Sign(byte[] key, int backendPid, long issuedAtUnixMs, CallerContext caller) =>
        HMACSHA256.HashData(key, Message(backendPid, issuedAtUnixMs, caller));

    /// <summary>
    /// Every field length-prefixed (<c>bytes:value</c>), the roles counted first, so that no choice of values can
    /// make two different contexts frame to the same bytes. Must match <c>platform.caller_context_message</c>.
    /// </summary>
    public static byte[] Message(int backendPid, long issuedAtUnixMs, CallerContext caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var message = new StringBuilder();
        Frame(message, backendPid.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Frame(message, issuedAtUnixMs.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Frame(message, caller.Municipality ?? string.Empty);
        Frame(message, caller.Region ?? string.Empty);
        Frame(message, caller.ProviderId ?? string.Empty);
        Frame(message, caller.Subject);
        Frame(message, caller.Roles.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var role in caller.Roles)
        {
            Frame(message, role);
        }

        return Encoding.UTF8.GetBytes(message.ToString());
    }

    /// <summary>The key XORed with HMAC's inner and outer pads, as the database's check uses them.</summary>
    public static (byte[] Inner, byte[] Outer) Pads(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var block = new byte[BlockSize];
        (key.Length > BlockSize ? SHA256.HashData(key) : key).CopyTo(block, 0);
        var inner = block.Select(b => (byte)(b ^ 0x36)).ToArray();
        var outer = block.Select(b => (byte)(b ^ 0x5c)).ToArray();
        return (inner, outer);
    }

    private static void Frame(StringBuilder message, string value) =>
        message.Append(Encoding.UTF8.GetByteCount(value)).Append(':').Append(value);
}
