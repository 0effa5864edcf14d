using System.CommandLine;
using AnomalyHunter.Lakehouse.Catalog;
using AnomalyHunter.Lakehouse.Ingest;
using AnomalyHunter.Scheduler.Hosting;
using AnomalyHunter.Udfs.Options;

namespace AnomalyHunter.Scheduler.Cli;

/// <summary>Runs a command's body inside a started <see cref="AppHost"/> and maps failures to documented exit codes.</summary>
internal static class CommandRunner
{
    /// <summary>Sets the action of <paramref name="command"/>; <paramref name="overrides"/> turns its options into configuration keys.</summary>
    public static void SetHostedAction(
        Command command,
        Func<ParseResult, IReadOnlyDictionary<string, string?>> overrides,
        Func<AppHost, ParseResult, CancellationToken, Task<int>> body)
    {
        command.SetAction(async (result, cancellationToken) =>
        {
            // why: the parser installs its Ctrl+C/SIGTERM handler only once the action first yields, and the SQLite catalog's
            // "async" calls complete synchronously; without this yield a signal during start-up killed the process outright.
            await Task.Yield();
            AppHost? host = null;
            try
            {
                host = await AppHost.StartAsync(GlobalOptions.Read(result), overrides(result), cancellationToken);
                return await body(host, result, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                await Console.Error.WriteLineAsync("Cancelled; nothing partial was committed.");
                return ExitCodes.Cancelled;
            }
            catch (Exception ex) when (ex is OptionsValidationException or IngestOptionsException or UsageException)
            {
                await Console.Error.WriteLineAsync($"error: {ex.Message}");
                return ExitCodes.InvalidUsage;
            }
            catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
            {
                await Console.Error.WriteLineAsync($"error: {ex.Message}");
                return ExitCodes.InvalidUsage;
            }
            catch (CatalogConflictException ex)
            {
                await Console.Error.WriteLineAsync($"error: {ex.Message}");
                return ExitCodes.Conflict;
            }
            catch (Exception ex)
            {
                host?.Log.Error(ex, "Command {Command} failed", command.Name);
                string where = host is null ? string.Empty : $" (details in {host.LogsDir})";
                await Console.Error.WriteLineAsync($"error: {ex.Message}{where}");
                return ExitCodes.Failure;
            }
            finally
            {
                if (host is not null)
                {
                    await host.DisposeAsync();
                }
            }
        });
    }

    /// <summary>No configuration overrides.</summary>
    public static IReadOnlyDictionary<string, string?> NoOverrides(ParseResult result) => new Dictionary<string, string?>();
}
