using Platform.ProviderKit;

// Checks a provider system's credentials and output against a deployment and prints what passed and what to fix.
var (options, problem) = KitOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine(problem);
    Console.Error.WriteLine(KitOptions.Usage);
    return 2;
}

var report = await ConformanceRun.RunAsync(options, Console.Out);
return report.Failed == 0 ? 0 : 1;
