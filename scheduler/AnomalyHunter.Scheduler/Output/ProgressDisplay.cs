using Spectre.Console;

namespace AnomalyHunter.Scheduler.Output;

/// <summary>Runs work under a Spectre.Console progress bar when the console is interactive, and plainly otherwise.</summary>
internal static class ProgressDisplay
{
    /// <summary>Runs <paramref name="work"/>, giving it a callback that moves the bar to (done, total, label).</summary>
    public static async Task<T> RunAsync<T>(string title, Func<Action<double, double, string>, Task<T>> work)
    {
        if (!AnsiConsole.Profile.Capabilities.Interactive || Console.IsOutputRedirected)
        {
            return await work((_, _, _) => { });
        }

        T result = default!;
        await AnsiConsole.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask(Markup.Escape(title), maxValue: 1);
                result = await work((done, total, label) =>
                {
                    task.MaxValue = Math.Max(total, 1);
                    task.Value = done;
                    task.Description = Markup.Escape(label);
                });
                task.Value = task.MaxValue;
            });
        return result;
    }
}
