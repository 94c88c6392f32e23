namespace TrustFundManager.Benchmarks.Http;

public static partial class HttpMeasurements
{
    /// <summary>
    /// The query of <see cref="ListPage"/>, read by <see cref="ListPageUser"/> (who sees every note): the second page
    /// of 25 of the notes in thematic area 1, most recently submitted first.
    /// </summary>
    public const string ListPageQuery = "thematicArea=1&sort=-submittedAt&page=2&pageSize=25";

    public const string ListPageUser = Actors.FmuUser;

    /// <summary>How <see cref="LoadFigure"/>'s percentiles and rate are computed, for the report.</summary>
    public const string PercentileMethod =
        "nearest rank over the successful (2xx) requests of the timed phase, latency from sending the request to " +
        "reading the whole response; requests/s counts successful requests only, failures are counted apart";

    /// <summary>Untimed requests each client sends before a run's timed phase.</summary>
    private const int WarmupRequestsPerClient = 3;

    /// <summary>
    /// Starts the API on the SQLite database at <paramref name="databasePath"/>, measures every scenario at every
    /// client count, then the funding pipeline's throughput, and stops the API (also on failure). The measurements
    /// write to the database (drafts, submissions, votes, funded notes and a donor's deposit if funds are short):
    /// give it a copy, or measure it last.
    /// </summary>
    public static async Task<HttpFigures> RunAsync(string databasePath, HttpMeasurementOptions options, TextWriter log,
        CancellationToken ct)
    {
        log = TextWriter.Synchronized(log);
        await using var apiProcess = await ApiProcess.StartAsync(databasePath, log, ct);
        using var http = new HttpClient(new SocketsHttpHandler
        {
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            // Each page request carries its own session's cookie; nothing is shared between clients.
            UseCookies = false,
        })
        {
            BaseAddress = apiProcess.BaseAddress,
        };
        try
        {
            var api = new ApiClient(http);
            var time = TimeProvider.System;
            var actors = await Actors.SignInAsync(api, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime), ct);
            var steps = new FundSteps(api, actors, time);
            log.WriteLine($"Setup: signed in {Actors.FmuUser}, {Actors.MexicoUser}, {Actors.GhanaUser} and " +
                $"{actors.Committee.Count} committee members serving today");

            var load = await MeasureLoadAsync(new LoadRunner(http, log),
                await LoadScenarios.DefineAsync(api, steps, log, ct), options, log, ct);
            var pipeline = await FundingPipelineThroughput.MeasureAsync(steps, options.PipelineNotes, log, ct);
            var limits = options.LimitsRun is { } limitsRun
                ? await RateLimitMeasurement.RunAsync(databasePath, limitsRun, log, ct)
                : null;
            return new HttpFigures(load, pipeline, limits);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            log.WriteLine($"The HTTP measurements failed; the API's last output:{Environment.NewLine}{apiProcess.LastOutput()}");
            throw;
        }
    }

    private static async Task<IReadOnlyList<LoadFigure>> MeasureLoadAsync(LoadRunner runner,
        IReadOnlyDictionary<string, LoadScenario> scenarios, HttpMeasurementOptions options, TextWriter log,
        CancellationToken ct)
    {
        var figures = new List<LoadFigure>();
        foreach (var name in Scenarios)
        foreach (var clients in options.ClientCounts)
        {
            var limits = new LoadLimits(clients, WarmupRequestsPerClient, options.MaxRequestsPerRun, options.BudgetPerRun);
            var source = await scenarios[name].PrepareRunAsync(limits.MostRequests, ct);
            var result = await runner.RunAsync($"{name}, {clients} clients", source, limits, ct);
            var figure = new LoadFigure(name, clients, result.Requests, result.Failures, result.SuccessesPerSecond,
                result.PercentileMs(50), result.PercentileMs(95), result.PercentileMs(99));
            log.WriteLine(Describe(figure));
            figures.Add(figure);
        }
        return figures;
    }

    public static string Describe(LoadFigure figure) =>
        $"{figure.Scenario,-15} {figure.Clients,3} clients: {figure.Requests,6} requests, {figure.Failures} failed, " +
        $"{figure.RequestsPerSecond,8:0.0} req/s, p50 {figure.P50Ms,7:0.00} ms, p95 {figure.P95Ms,7:0.00} ms, " +
        $"p99 {figure.P99Ms,7:0.00} ms";
}
