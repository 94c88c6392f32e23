using System.Diagnostics;
using System.Net;

namespace TrustFundManager.Benchmarks.Http;

/// <summary>
/// What the rate limiter did to people browsing and to one caller flooding, at the same time: requests sent, answered
/// (2xx), refused with 429 (and whether a Retry-After came with them), other failures, and the browsing requests' p95.
/// </summary>
public sealed record LimitFigures(
    int BrowsingUsers, double BrowsingRequestsPerUserPerSecond, TimeSpan Duration, int RequestsPerMinuteLimit,
    int BrowsingRequests, int BrowsingAnswered, int BrowsingThrottled, int BrowsingFailed, double BrowsingP95Ms,
    int FloodRequests, int FloodAnswered, int FloodThrottled, int FloodFailed, bool FloodToldWhenToRetry)
{
    /// <summary>
    /// Legitimate use is never refused, while the flood is refused beyond its allowance: at most the limit in each
    /// one-minute window the run touches (a run of 70 s touches two, or three if it starts late in a window).
    /// </summary>
    public bool Passed => BrowsingThrottled == 0 && BrowsingFailed == 0 && FloodThrottled > 0 &&
                          FloodAnswered <= RequestsPerMinuteLimit * WindowsTouched && FloodToldWhenToRetry;

    private int WindowsTouched => (int)Math.Ceiling(Duration.TotalMinutes) + 1;
}

/// <summary>
/// The API with its rate limits on, as everywhere outside Development (its own process, with the read limit below):
/// sixteen users browsing at a steady pace, each with a token of their own, while one more user
/// sends requests as fast as the API answers them. The run lasts longer than the limiter's one-minute window, so
/// that browsing meets a window's end and the flood meets a fresh window.
/// </summary>
internal static class RateLimitMeasurement
{
    /// <summary>
    /// Reads per user per minute: half the limit of appsettings.json (600), so that the flood passes it within the run
    /// even on a slow or busy machine; browsing that stays below this stays below the deployed limit a fortiori.
    /// </summary>
    private const int RequestsPerMinute = 300;

    /// <summary>A brisk reader: a request every half second, 120 a minute (a fifth of the deployed limit).</summary>
    private const double BrowsingPerSecond = 2;

    /// <summary>Sixteen distinct people: the twelve committee members, the FMU officer and three governments.</summary>
    private static readonly string[] BrowsingUsers =
    [
        "fmu.officer", "gov.mex", "gov.phl", "gov.gha", "sc.bgd", "sc.deu", "sc.esp", "sc.idc", "sc.iom", "sc.mar",
        "sc.mex", "sc.mmc", "sc.nld", "sc.ohchr", "sc.srhrm", "sc.undp",
    ];

    private const string FloodingUser = "puno.iom";

    public static async Task<LimitFigures> RunAsync(string databasePath, TimeSpan duration, TextWriter log,
        CancellationToken ct)
    {
        await using var apiProcess = await ApiProcess.StartAsync(databasePath, log, ct,
            ["--RateLimiting:Enabled=true", $"--RateLimiting:RequestsPerMinute={RequestsPerMinute}"]);
        using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = Timeout.InfiniteTimeSpan, UseCookies = false })
        {
            BaseAddress = apiProcess.BaseAddress,
        };
        var api = new ApiClient(http);
        var tokens = new Dictionary<string, string>();
        foreach (var user in BrowsingUsers.Append(FloodingUser)) tokens[user] = await api.TokenAsync(user, ct);
        // One untimed read each (connections, the API's first compilations), within the first window's allowance.
        foreach (var token in tokens.Values) await api.GetAsync("/api/thematic-areas", token, ct);

        var clock = Stopwatch.StartNew();
        var browsing = BrowsingUsers.Select(user => BrowseAsync(http, tokens[user], clock, duration, ct)).ToArray();
        var flood = FloodAsync(http, tokens[FloodingUser], clock, duration, ct);
        var browsed = await Task.WhenAll(browsing);
        var flooded = await flood;

        var latencies = browsed.SelectMany(b => b.Latencies).Order().ToArray();
        var figures = new LimitFigures(BrowsingUsers.Length, BrowsingPerSecond, duration, RequestsPerMinute,
            browsed.Sum(b => b.Requests), browsed.Sum(b => b.Answered), browsed.Sum(b => b.Throttled), browsed.Sum(b => b.Failed),
            latencies.Length == 0 ? double.NaN : latencies[Math.Clamp((int)Math.Ceiling(0.95 * latencies.Length), 1, latencies.Length) - 1],
            flooded.Requests, flooded.Answered, flooded.Throttled, flooded.Failed, flooded.ToldWhenToRetry);
        log.WriteLine($"Limits: {figures.BrowsingUsers} users browsing sent {figures.BrowsingRequests} requests, " +
                      $"{figures.BrowsingThrottled} refused with 429; the flood sent {figures.FloodRequests}, " +
                      $"{figures.FloodAnswered} answered, {figures.FloodThrottled} refused with 429");
        return figures;
    }

    private sealed record Tally(int Requests, int Answered, int Throttled, int Failed, List<double> Latencies, bool ToldWhenToRetry);

    /// <summary>A request every half second (the paths a reader moves between), whatever the answers take.</summary>
    private static async Task<Tally> BrowseAsync(HttpClient http, string token, Stopwatch clock, TimeSpan duration,
        CancellationToken ct)
    {
        string[] paths = ["/api/tasks/mine", "/api/concept-notes?page=1&pageSize=25", "/api/decisions", "/api/thematic-areas"];
        var tally = new Tally(0, 0, 0, 0, [], true);
        var interval = TimeSpan.FromSeconds(1 / BrowsingPerSecond);
        // Spread the readers over the first interval, as people do not click in step.
        await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next((int)interval.TotalMilliseconds)), ct);
        for (var i = 0; clock.Elapsed < duration; i++)
        {
            var next = clock.Elapsed + interval;
            tally = await SendAsync(http, paths[i % paths.Length], token, tally, ct);
            if (next > clock.Elapsed) await Task.Delay(next - clock.Elapsed, ct);
        }
        return tally;
    }

    /// <summary>One request after another, as fast as the API answers, never waiting for a Retry-After.</summary>
    private static async Task<Tally> FloodAsync(HttpClient http, string token, Stopwatch clock, TimeSpan duration,
        CancellationToken ct)
    {
        var tally = new Tally(0, 0, 0, 0, [], true);
        while (clock.Elapsed < duration) tally = await SendAsync(http, "/api/thematic-areas", token, tally, ct);
        return tally;
    }

    private static async Task<Tally> SendAsync(HttpClient http, string path, string token, Tally tally, CancellationToken ct)
    {
        using var request = ApiClient.Request(HttpMethod.Get, path, token);
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await http.SendAsync(request, ct);
            await response.Content.ReadAsByteArrayAsync(ct);
            var latency = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (response.IsSuccessStatusCode)
            {
                tally.Latencies.Add(latency);
                return tally with { Requests = tally.Requests + 1, Answered = tally.Answered + 1 };
            }
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
                return tally with
                {
                    Requests = tally.Requests + 1, Throttled = tally.Throttled + 1,
                    ToldWhenToRetry = tally.ToldWhenToRetry && response.Headers.RetryAfter is not null,
                };
            return tally with { Requests = tally.Requests + 1, Failed = tally.Failed + 1 };
        }
        catch (HttpRequestException)
        {
            return tally with { Requests = tally.Requests + 1, Failed = tally.Failed + 1 };
        }
    }
}
