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
    /// Runs a block with bash, stopping at the first failing command, in the repository's root as a reader's clone;
    /// with <paramref name="scratch"/> in an empty folder that sees only the repository's <c>src</c>, for a block that
    /// writes files of its own.
    /// </summary>
    public static async Task<(int ExitCode, string Output, string Errors)> RunAsync(string block, bool scratch = false)
    {
        var root = RepositoryRoot.Find();
        var folder = scratch ? Directory.CreateTempSubdirectory("documented-commands-").FullName : root;
        var link = Path.Combine(folder, "src");
        if (scratch)
        {
            Directory.CreateSymbolicLink(link, Path.Combine(root, "src"));
        }

        try
        {
            var start = new ProcessStartInfo("bash", ["-euo", "pipefail", "-c", block])
            {
                WorkingDirectory = folder,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
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
            if (scratch)
            {
                // The link goes first (unlink, never a walk into the repository), then the scratch folder.
                new FileInfo(link).Delete();
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    [GeneratedRegex(@"^```sh\n(?<body>.*?)^```", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex ShellBlock();
}
