using Platform.Launcher;
using Platform.LocalInfrastructure;

var repositoryRoot = RepositoryRoot.Find();

return args switch
{
    [] or ["up"] => await UpCommand.RunAsync(repositoryRoot),
    ["down"] => await DownCommand.RunAsync(repositoryRoot),
    ["down", "--test"] => await DownCommand.RunForTestsAsync(repositoryRoot),
    ["status"] => StatusCommand.Run(repositoryRoot),
    ["failed", var queue] => await FailedMessagesCommand.ListAsync(repositoryRoot, queue),
    ["replay", var queue] => await FailedMessagesCommand.ReplayAsync(repositoryRoot, queue, null),
    ["replay", var queue, var messageId] => await FailedMessagesCommand.ReplayAsync(repositoryRoot, queue, messageId),
    _ => Usage.Print(),
};
