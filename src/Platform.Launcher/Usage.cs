namespace Platform.Launcher;

internal static class Usage
{
    public static int Print()
    {
        Console.Error.WriteLine("""
            Usage: Platform.Launcher down --test
              stops the servers the test suite left running (./test.sh does this)
            The platform runs under the AppHost: ./run.sh (and ./run.sh down).
            """);
        return 2;
    }
}
