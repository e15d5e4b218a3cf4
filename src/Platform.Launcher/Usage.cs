namespace Platform.Launcher;

internal static class Usage
{
    public static int Print()
    {
        Console.Error.WriteLine("""
            Usage: ./run.sh [command]
              up            start PostgreSQL, RabbitMQ, the identity provider and every service (the default)
              down          stop them
              status        show what runs where
              down --test   stop the servers the test suite left running (./test.sh does this)
              failed QUEUE  list the messages parked in QUEUE_error, with their exceptions
              replay QUEUE [MESSAGE-ID]
                            send parked messages (all, or one) back to QUEUE
            """);
        return 2;
    }
}
