using Platform.Launcher;
using Platform.LocalInfrastructure;

var repositoryRoot = RepositoryRoot.Find();

return args switch
{
    [] or ["up"] => await UpCommand.RunAsync(repositoryRoot),
    ["down"] => await DownCommand.RunAsync(repositoryRoot),
    ["down", "--test"] => await DownCommand.RunForTestsAsync(repositoryRoot),
    ["status"] => StatusCommand.Run(repositoryRoot),
    _ => Usage.Print(),
};
