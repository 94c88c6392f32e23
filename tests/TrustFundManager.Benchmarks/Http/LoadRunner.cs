using System.Diagnostics;

namespace TrustFundManager.Benchmarks.Http;

/// <summary>The request with this sequence number (from 0, shared by all clients), or null when none is left.</summary>
internal delegate HttpRequestMessage? RequestSource(long sequence);

/// <summary>How one run is bounded: it stops at <see cref="MaxRequests"/> timed requests or after <see cref="Budget"/>.</summary>
internal sealed record LoadLimits(int Clients, int WarmupRequestsPerClient, int MaxRequests, TimeSpan Budget)
{
    /// <summary>The most requests a run can draw from its source, warm-up included.</summary>
    public int MostRequests => Clients * WarmupRequestsPerClient + MaxRequests;
}

/// <summary>
/// What one run measured. Only successful (2xx) requests count towards the rate and the latencies: a failure is
/// counted, never timed as a success.
/// </summary>
internal sealed record LoadResult(int Requests, int Failures, TimeSpan Elapsed, double[] SuccessLatenciesMs)
{
    public double SuccessesPerSecond => Elapsed > TimeSpan.Zero ? (Requests - Failures) / Elapsed.TotalSeconds : 0;

    /// <summary>
    /// The nearest-rank percentile: the smallest latency such that at least <paramref name="percent"/>% of the
    /// successful requests took no longer (no interpolation). NaN when nothing succeeded.
    /// </summary>
    public double PercentileMs(double percent)
    {
        if (SuccessLatenciesMs.Length == 0) return double.NaN;
        var sorted = SuccessLatenciesMs.Order().ToArray();
        var rank = (int)Math.Ceiling(percent / 100 * sorted.Length);
        return sorted[Math.Clamp(rank, 1, sorted.Length) - 1];
    }
}

/// <summary>
/// Closed-loop load: each of N clients sends its next request as soon as the previous one is answered, over one shared
/// <see cref="HttpClient"/>. A short untimed warm-up first (connections, JIT, caches), then the timed phase. Knows
/// nothing of what the requests are.
/// </summary>
internal sealed class LoadRunner(HttpClient http, TextWriter log)
{
    public async Task<LoadResult> RunAsync(string label, RequestSource source, LoadLimits limits, CancellationToken ct)
    {
        var run = new Run(http, source, label, log);
        await Task.WhenAll(Enumerable.Range(0, limits.Clients)
            .Select(_ => run.WarmUpAsync(limits.WarmupRequestsPerClient, ct)));

        var stopwatch = Stopwatch.StartNew();
        var clients = await Task.WhenAll(Enumerable.Range(0, limits.Clients)
            .Select(_ => run.TimedLoopAsync(limits, stopwatch, ct)));
        stopwatch.Stop();
        if (run.RanOut)
            await log.WriteLineAsync($"  {label}: ended when its prepared requests ran out, within the budget and the limit");

        return new LoadResult(clients.Sum(c => c.Latencies.Count + c.Failures), clients.Sum(c => c.Failures),
            stopwatch.Elapsed, clients.SelectMany(c => c.Latencies).ToArray());
    }

    private sealed record ClientTally(List<double> Latencies, int Failures);

    private sealed class Run(HttpClient http, RequestSource source, string label, TextWriter log)
    {
        private long sequence = -1;
        private int timedRequestsStarted;
        private int failureLogged;

        public bool RanOut { get; private set; }

        public async Task WarmUpAsync(int requests, CancellationToken ct)
        {
            for (var i = 0; i < requests; i++)
                if (await SendNextAsync(ct) is null) return;
        }

        public async Task<ClientTally> TimedLoopAsync(LoadLimits limits, Stopwatch stopwatch, CancellationToken ct)
        {
            var latencies = new List<double>();
            var failures = 0;
            while (stopwatch.Elapsed < limits.Budget && Interlocked.Increment(ref timedRequestsStarted) <= limits.MaxRequests)
            {
                var outcome = await SendNextAsync(ct);
                if (outcome is not { } sent)
                {
                    RanOut = true;
                    break;
                }
                if (sent.Succeeded) latencies.Add(sent.Latency.TotalMilliseconds);
                else failures++;
            }
            return new ClientTally(latencies, failures);
        }

        /// <summary>Sends the source's next request: whether it succeeded and how long it took; null when none is left.</summary>
        private async Task<(bool Succeeded, TimeSpan Latency)?> SendNextAsync(CancellationToken ct)
        {
            using var request = source(Interlocked.Increment(ref sequence));
            if (request is null) return null;
            var started = Stopwatch.GetTimestamp();
            try
            {
                // The default completion reads the whole body, so the latency includes it.
                using var response = await http.SendAsync(request, ct);
                var latency = Stopwatch.GetElapsedTime(started);
                if (!response.IsSuccessStatusCode)
                    await LogFirstFailureAsync(request, $"{(int)response.StatusCode} {response.StatusCode}: " +
                        await response.Content.ReadAsStringAsync(ct));
                return (response.IsSuccessStatusCode, latency);
            }
            catch (HttpRequestException exception)
            {
                await LogFirstFailureAsync(request, exception.Message);
                return (false, Stopwatch.GetElapsedTime(started));
            }
        }

        private async Task LogFirstFailureAsync(HttpRequestMessage request, string what)
        {
            if (Interlocked.Exchange(ref failureLogged, 1) == 0)
                await log.WriteLineAsync($"  {label}: first failure, {request.Method} {request.RequestUri} answered {what}");
        }
    }
}
