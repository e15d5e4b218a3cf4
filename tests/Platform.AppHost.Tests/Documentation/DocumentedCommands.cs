using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Platform.LocalInfrastructure;

namespace Platform.AppHost.Tests.Documentation;

/// <summary>
/// The shell commands of a Markdown document, run as written: only the placeholders the document names after the
/// run file's keys (<c>&lt;gateway&gt;</c>, <c>&lt;gatewayGrpc&gt;</c>, <c>&lt;identity&gt;</c>,
/// <c>&lt;tokenEndpoint&gt;</c>) are filled from the <c>platform.json</c> the AppHost writes once it is healthy.
/// </summary>
internal static partial class DocumentedCommands
{
    private static readonly string[] s_placeholders = ["gateway", "gatewayGrpc", "identity", "tokenEndpoint"];

    /// <summary>Every fenced <c>sh</c> block of the document, in order.</summary>
    public static IReadOnlyList<string> ShellBlocks(string relativePath)
    {
        var text = File.ReadAllText(Path.Combine(RepositoryRoot.Find(), relativePath));
        return [.. ShellBlock().Matches(text).Select(match => match.Groups["body"].Value)];
    }

    /// <summary>The run file of the AppHost the tests started; written just after the gateway became healthy.</summary>
    public static async Task<JsonElement> RunFileAsync()
    {
        var path = Path.Combine(RepositoryRoot.Find(), ".local", "test", "apphost", "platform.json");
        for (var attempt = 0; !File.Exists(path) && attempt < 60; attempt++)
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
        }

        return JsonDocument.Parse(await File.ReadAllTextAsync(path)).RootElement.Clone();
    }

    public static string Fill(string block, JsonElement runFile) =>
        s_placeholders.Aggregate(block, (text, key) => text.Replace($"<{key}>", runFile.GetProperty(key).GetString(), StringComparison.Ordinal));

    /// <summary>
    /// Runs a block with bash, stopping at the first failing command, in a scratch folder that sees the repository's
    /// <c>src</c> and <c>docs</c> as a reader's clone would (so files a command writes stay out of the repository).
    /// </summary>
    public static async Task<(int ExitCode, string Output, string Errors)> RunAsync(string block)
    {
        var scratch = Directory.CreateTempSubdirectory("documented-commands-").FullName;
        foreach (var folder in new[] { "src", "docs" })
        {
            Directory.CreateSymbolicLink(Path.Combine(scratch, folder), Path.Combine(RepositoryRoot.Find(), folder));
        }

        var start = new ProcessStartInfo("bash", ["-euo", "pipefail", "-c", block])
        {
            WorkingDirectory = scratch,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        try
        {
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }

            return (process.ExitCode, await output, await errors);
        }
        finally
        {
            // The links go first, one by one (unlink, never a walk into the repository), then the scratch folder.
            foreach (var folder in new[] { "src", "docs" })
            {
                new FileInfo(Path.Combine(scratch, folder)).Delete();
            }

            Directory.Delete(scratch, recursive: true);
        }
    }

    [GeneratedRegex(@"^```sh\n(?<body>.*?)^```", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex ShellBlock();
}
