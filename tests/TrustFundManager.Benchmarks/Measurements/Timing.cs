using System.Diagnostics;

namespace TrustFundManager.Benchmarks.Measurements;

/// <summary>Latency of one scenario run directly against the DbContext: median and 95th percentile over the runs.</summary>
public sealed record DirectFigure(string Scenario, int Runs, double P50Ms, double P95Ms);

public static class Timing
{
    /// <summary>Runs <paramref name="action"/> twice to warm up, then until <paramref name="maxRuns"/> runs or <paramref name="budget"/>.</summary>
    public static async Task<DirectFigure> MeasureAsync(string scenario, Func<Task> action, int maxRuns, TimeSpan budget)
    {
        for (var i = 0; i < 2; i++) await action();
        var samples = new List<double>();
        var total = Stopwatch.StartNew();
        while (samples.Count < maxRuns && (total.Elapsed < budget || samples.Count < 5))
        {
            var one = Stopwatch.StartNew();
            await action();
            samples.Add(one.Elapsed.TotalMilliseconds);
        }
        samples.Sort();
        return new DirectFigure(scenario, samples.Count, Percentile(samples, 0.50), Percentile(samples, 0.95));
    }

    public static double Percentile(IReadOnlyList<double> sorted, double share) =>
        sorted[Math.Clamp((int)Math.Ceiling(share * sorted.Count) - 1, 0, sorted.Count - 1)];
}
