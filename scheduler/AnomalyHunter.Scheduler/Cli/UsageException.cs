namespace AnomalyHunter.Scheduler.Cli;

/// <summary>A command-line value that cannot be used; the message says which option and what is allowed (exit code 2).</summary>
internal sealed class UsageException : Exception
{
    public UsageException()
    {
    }

    public UsageException(string message)
        : base(message)
    {
    }

    public UsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
