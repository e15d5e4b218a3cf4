using System.Security.Cryptography;
using System.Text;

namespace Platform.Persistence.Migrations;

/// <summary>One versioned SQL script of a module (a service, or a building block such as messaging).</summary>
public sealed record Migration(string Module, int Version, string Name, string Sql)
{
    /// <summary>Detects a script edited after it ran somewhere: applied migrations are immutable.</summary>
    public string Checksum => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Sql.ReplaceLineEndings("\n"))));

    public override string ToString() => $"{Module} {Version:D4}_{Name}";
}
