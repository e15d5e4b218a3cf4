namespace Platform.Populations.Import;

/// <summary>A CBS file that cannot be read at all, e.g. because a required column is missing.</summary>
public sealed class CbsFileException : FormatException
{
    public CbsFileException()
    {
    }

    public CbsFileException(string message)
        : base(message)
    {
    }

    public CbsFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
