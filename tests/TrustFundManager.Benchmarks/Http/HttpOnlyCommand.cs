namespace TrustFundManager.Benchmarks.Http;

/// <summary>
/// <c>--http-only &lt;database path&gt;</c>: the HTTP measurements alone, on a copy of an existing database (the
/// measurements write to it), printed to the console. For Program.cs to call:
/// <code>if (HttpOnlyCommand.Matches(args)) return await HttpOnlyCommand.RunAsync(args, Console.Out, ct);</code>
/// </summary>
public static class HttpOnlyCommand
{
    public const string Switch = "--http-only";

    /// <summary>About 3 s per scenario and client count: some 70 s of load and a few seconds of pipeline per database.</summary>
    public static HttpMeasurementOptions DefaultOptions { get; } = new(
        ClientCounts: [1, 4, 16], BudgetPerRun: TimeSpan.FromSeconds(3), MaxRequestsPerRun: 5000, PipelineNotes: 10);

    public static bool Matches(IReadOnlyList<string> args) => args.Count > 0 && args[0] == Switch;

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, CancellationToken ct)
    {
        if (args is not [Switch, var databasePath] || !File.Exists(databasePath))
        {
            await output.WriteLineAsync($"Usage: {Switch} <path of an existing SQLite database made by the API>");
            return 2;
        }

        var copy = Path.Combine(Path.GetTempPath(), $"trustfund-http-{Guid.NewGuid():N}.db");
        File.Copy(databasePath, copy);
        if (File.Exists($"{databasePath}-wal")) File.Copy($"{databasePath}-wal", $"{copy}-wal");
        try
        {
            var figures = await HttpMeasurements.RunAsync(copy, DefaultOptions, output, ct);
            await output.WriteLineAsync();
            foreach (var figure in figures.Load) await output.WriteLineAsync(HttpMeasurements.Describe(figure));
            await output.WriteLineAsync($"{"pipeline",-15} {figures.Pipeline.Notes} notes from draft to funded in " +
                $"{figures.Pipeline.Elapsed.TotalSeconds:0.00} s: {figures.Pipeline.NotesPerSecond:0.00} notes/s");
            return figures.Load.Any(f => f.Failures > 0) ? 1 : 0;
        }
        finally
        {
            foreach (var file in new[] { copy, $"{copy}-wal", $"{copy}-shm" }) File.Delete(file);
        }
    }
}
