using Platform.Launcher;
using Platform.LocalInfrastructure;

// The platform itself runs under the AppHost (./run.sh); this tool only cleans up after the test suite.
var repositoryRoot = RepositoryRoot.Find();

return args switch
{
    ["down", "--test"] => await DownCommand.RunForTestsAsync(repositoryRoot),
    _ => Usage.Print(),
};
