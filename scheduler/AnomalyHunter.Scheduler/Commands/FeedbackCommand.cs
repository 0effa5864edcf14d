using System.CommandLine;
using AnomalyHunter.Investigation.Job;
using AnomalyHunter.Investigation.Learning;
using AnomalyHunter.Investigation.Llm;
using AnomalyHunter.Scheduler.Cli;
using AnomalyHunter.Scheduler.Configuration;
using AnomalyHunter.Scheduler.Hosting;
using AnomalyHunter.Scheduler.Output;
using Spectre.Console;

namespace AnomalyHunter.Scheduler.Commands;

/// <summary><c>feedback ID --verdict …</c> records what a person says about a verdict (and teaches the weights); <c>feedback export</c> writes fine-tuning data.</summary>
internal static class FeedbackCommand
{
    private static readonly Argument<string> Id = new("ID") { Description = "Verdict id (vd-…)" };
    private static readonly Option<string> Verdict = new("--verdict") { Description = "What you say about the verdict: correct, incorrect or partial (a real anomaly, explained partly wrong)", Required = true };
    private static readonly Option<string?> Note = new("--note") { Description = "Free text kept with the feedback [default: none]" };
    private static readonly Option<string?> ResolvedBy = new("--resolved-by") { Description = "Id of the runbook that fixed the problem (ranks it higher next time) [default: none]" };
    private static readonly Option<string> User = new("--user") { Description = "Who gives the feedback", DefaultValueFactory = _ => Environment.UserName };
    private static readonly Option<string> ExportFormat = new("--format") { Description = "Export format: openai-jsonl", DefaultValueFactory = _ => "openai-jsonl" };
    private static readonly Option<string?> Output = new("--output") { Description = "File to write [default: standard output]" };
    private static readonly Option<bool> AsJson = new("--json") { Description = "Print JSON instead of text [default: false]" };

    public static Command Create()
    {
        var export = new Command("export", "Write fine-tuning data (OpenAI chat JSONL) from confirmed verdicts, with identifying labels pseudonymised") { ExportFormat, Output };
        CommandRunner.SetHostedAction(export, CommandRunner.NoOverrides, ExportAsync);
        var command = new Command("feedback", "Say whether a verdict was correct, incorrect or partial; the learned weights change as the learning rule says (see 'learning show')")
        {
            Id, Verdict, Note, ResolvedBy, User, AsJson, export,
        };
        CommandRunner.SetHostedAction(command, CommandRunner.NoOverrides, RecordAsync);
        return command;
    }

    private static async Task<int> RecordAsync(AppHost host, ParseResult result, CancellationToken cancellationToken)
    {
        string id = result.GetValue(Id)!;
        FeedbackKind kind;
        try
        {
            kind = FeedbackService.ParseKind(result.GetValue(Verdict)!);
        }
        catch (FormatException ex)
        {
            throw new UsageException(ex.Message, ex);
        }

        string? resolvedBy = result.GetValue(ResolvedBy);
        if (resolvedBy is not null)
        {
            var runbooks = await InvestigateFactory.RunbooksAsync(host, cancellationToken);
            if (runbooks.Runbooks.All(r => r.Id != resolvedBy))
            {
                throw new UsageException($"--resolved-by: '{resolvedBy}' is not a runbook id; known: {string.Join(", ", runbooks.Runbooks.Select(r => r.Id))}.");
            }
        }

        var service = new FeedbackService(InvestigateFactory.Store(host), new LearningRule(InvestigateFactory.Options(host.Settings.Investigate).Learning));
        try
        {
            var (feedback, changes) = await service.RecordAsync(id, kind, result.GetValue(Note), resolvedBy, result.GetValue(User)!, cancellationToken);
            if (result.GetValue(AsJson))
            {
                Json.Print(new { feedback, changes });
                return ExitCodes.Success;
            }

            AnsiConsole.MarkupLine(Markup.Escape($"Recorded feedback #{feedback.FeedbackId}: {feedback.Verdict} on {id} by {feedback.UserName} at {Format.Time(feedback.CreatedAtMs)}; learning version {feedback.LearningVersion}."));
            LearningCommand.PrintChanges(changes);
            return ExitCodes.Success;
        }
        catch (KeyNotFoundException ex)
        {
            throw new UsageException(ex.Message, ex);
        }
    }

    private static async Task<int> ExportAsync(AppHost host, ParseResult result, CancellationToken cancellationToken)
    {
        if (result.GetValue(ExportFormat) != "openai-jsonl")
        {
            throw new UsageException($"--format: '{result.GetValue(ExportFormat)}' is not one of: openai-jsonl.");
        }

        var redactor = new Redactor(host.Settings.Investigate.Llm.Redaction);
        string? path = result.GetValue(Output);
        int written;
        if (path is null)
        {
            await using var stdout = Console.OpenStandardOutput();
            written = await FineTuningExport.WriteAsync(InvestigateFactory.Store(host), redactor, stdout, cancellationToken);
        }
        else
        {
            string full = Path.GetFullPath(path);
            string temporary = full + ".tmp";
            await using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous))
            {
                written = await FineTuningExport.WriteAsync(InvestigateFactory.Store(host), redactor, file, cancellationToken);
            }

            File.Move(temporary, full, overwrite: true);
        }

        await Console.Error.WriteLineAsync($"{written} confirmed verdicts exported.");
        return ExitCodes.Success;
    }
}
