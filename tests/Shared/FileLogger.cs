using Microsoft.Extensions.Logging;

namespace Steward.Testing;

/// <summary>Warnings and errors of the app under test, appended to artifacts/logs for post-mortems.</summary>
public sealed class FileLoggerProvider(string path) : ILoggerProvider
{
    /// <summary>artifacts/logs/NAME-PROVIDER.log at the repository root.</summary>
    public static string PathFor(string name)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Steward.slnx"))) dir = dir.Parent;
        var logs = Path.Combine(dir?.FullName ?? Directory.GetCurrentDirectory(), "artifacts", "logs");
        Directory.CreateDirectory(logs);
        return Path.Combine(logs, $"{name}-{TestDatabase.ProviderName.ToLowerInvariant()}.log");
    }

    private readonly Lock _gate = new();

    public ILogger CreateLogger(string categoryName) => new FileLogger(this, categoryName);

    public void Dispose() { }

    private void Write(string line)
    {
        lock (_gate) File.AppendAllText(path, line + Environment.NewLine);
    }

    private sealed class FileLogger(FileLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            owner.Write($"{DateTime.UtcNow:O} {logLevel} {category}: {formatter(state, exception)}{(exception is null ? "" : Environment.NewLine + exception)}");
        }
    }
}
