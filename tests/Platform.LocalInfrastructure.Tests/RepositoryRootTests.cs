namespace Platform.LocalInfrastructure.Tests;

public sealed class RepositoryRootTests
{
    [Fact]
    public void The_root_is_the_nearest_folder_above_holding_the_solution()
    {
        var root = RepositoryRoot.Find();

        Assert.True(File.Exists(Path.Combine(root, "Platform.sln")));
        Assert.Equal(root, RepositoryRoot.Find(Path.Combine(root, "src", "Platform.LocalInfrastructure")));
    }

    [Fact]
    public void A_folder_outside_any_repository_is_refused()
    {
        Assert.Throws<DirectoryNotFoundException>(() => RepositoryRoot.Find("/proc"));
    }
}
