using System.Diagnostics;
using ClosedXML.Excel;
using Microsoft.Extensions.DependencyInjection;
using TrustFundManager.Infrastructure.Reports;

namespace TrustFundManager.Benchmarks.Measurements;

/// <summary>
/// One workbook, built once to warm the process up (loading and compiling code) and then <see cref="WorkbookMeasurements.Runs"/>
/// times in a row (the machine is shared, so one build says little): the median wall time; the median of the bytes the process allocated during a build
/// (<see cref="GC.GetTotalAllocatedBytes"/>, precise; nothing else runs meanwhile), garbage included, so not memory held
/// at once; and the memory a build needed at once, the highest over the builds: how far the process's working set rose
/// above where it stood when the build began (<see cref="PeakWorkingSetGrowthBytes"/>), and the highest size of the
/// managed heap during the build, live objects and garbage not yet collected (<see cref="PeakManagedHeapBytes"/>), both
/// sampled every <see cref="MemorySampler.Interval"/>. Then the file size and the cells written.
/// </summary>
public sealed record WorkbookFigure(string Workbook, double Seconds, long AllocatedBytes, long PeakWorkingSetGrowthBytes,
    long FileBytes, long Cells, long PeakManagedHeapBytes = 0, int Runs = 1);

public static class WorkbookMeasurements
{
    public const int Runs = 3;

    public static async Task<IReadOnlyList<WorkbookFigure>> RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var now = DateTimeOffset.UtcNow;
        var fundingStatus = await MeasureAsync("funding status", services,
            s => s.GetRequiredService<FundingStatusReport>().BuildAsync(DateOnly.FromDateTime(now.UtcDateTime), now, ct));
        var portfolio = await MeasureAsync("portfolio", services,
            s => s.GetRequiredService<PortfolioReport>().BuildAsync(DirectMeasurementsActor, now, ct));
        return
        [
            fundingStatus, await BaselineAsync("funding status", fundingStatus),
            portfolio, await BaselineAsync("portfolio", portfolio),
        ];
    }

    private static readonly Workflows.WorkflowActor DirectMeasurementsActor = new("fmu.officer", "Amina Diallo",
        [Domain.Access.Roles.FundManager]);

    private static async Task<WorkbookFigure> MeasureAsync(string name, IServiceProvider services,
        Func<IServiceProvider, Task<ReportFile>> build)
    {
        ReportFile? file = null;
        var builds = await RepeatAsync(async () =>
        {
            await using var scope = services.CreateAsyncScope();
            file = await build(scope.ServiceProvider);
        });
        return Summarize(name, builds, file!.Content.Length, CountCells(file.Content));
    }

    /// <summary>Plain ClosedXML writing as many cells (the same rows and columns, alternately numbers and text) to a stream.</summary>
    private static async Task<WorkbookFigure> BaselineAsync(string name, WorkbookFigure measured)
    {
        const int columns = 12;
        var rows = (int)Math.Ceiling(measured.Cells / (double)columns);
        long fileBytes = 0;
        var builds = await RepeatAsync(() =>
        {
            using var stream = new MemoryStream();
            using (var workbook = new XLWorkbook())
            {
                var sheet = workbook.AddWorksheet("Data");
                for (var r = 1; r <= rows; r++)
                    for (var c = 1; c <= columns; c++)
                        if (c % 2 == 0) sheet.Cell(r, c).Value = r * 1000.25m + c;
                        else sheet.Cell(r, c).Value = $"Row {r} column {c}";
                workbook.SaveAs(stream);
            }
            fileBytes = stream.Length;
            return Task.CompletedTask;
        });
        return Summarize($"{name} baseline (plain ClosedXML, {rows:N0} x {columns})", builds, fileBytes, (long)rows * columns);
    }

    private sealed record Build(double Seconds, long AllocatedBytes, long PeakWorkingSetGrowthBytes, long PeakManagedHeapBytes);

    private static async Task<IReadOnlyList<Build>> RepeatAsync(Func<Task> build)
    {
        await build();
        var builds = new List<Build>();
        for (var run = 0; run < Runs; run++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            using var sampler = MemorySampler.Start();
            var stopwatch = Stopwatch.StartNew();
            await build();
            stopwatch.Stop();
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            var (workingSetGrowth, managedHeap) = sampler.Stop();
            builds.Add(new Build(stopwatch.Elapsed.TotalSeconds, allocated, workingSetGrowth, managedHeap));
        }
        return builds;
    }

    private static WorkbookFigure Summarize(string name, IReadOnlyList<Build> builds, long fileBytes, long cells) =>
        new(name, Median(builds.Select(b => b.Seconds)), (long)Median(builds.Select(b => (double)b.AllocatedBytes)),
            builds.Max(b => b.PeakWorkingSetGrowthBytes), fileBytes, cells, builds.Max(b => b.PeakManagedHeapBytes), builds.Count);

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static long CountCells(byte[] content)
    {
        using var workbook = new XLWorkbook(new MemoryStream(content));
        return workbook.Worksheets.Sum(sheet => (long)sheet.CellsUsed().Count());
    }
}

/// <summary>
/// Samples, on a thread of its own, the process's working set and the managed heap's size while a build runs. The
/// process's own peak working set (<see cref="Process.PeakWorkingSet64"/>) cannot serve: it is the highest since the
/// process started, so a build that stays under an earlier peak (the scale generator's, the direct queries') shows no
/// growth at all, whatever it needed.
/// </summary>
public sealed class MemorySampler : IDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(5);

    private readonly long _workingSetBefore = Environment.WorkingSet;
    private readonly Thread _thread;
    private volatile bool _stopping;
    private long _peakWorkingSet;
    private long _peakManagedHeap;

    private MemorySampler()
    {
        _peakWorkingSet = _workingSetBefore;
        _peakManagedHeap = GC.GetTotalMemory(forceFullCollection: false);
        _thread = new Thread(Sample) { IsBackground = true, Name = "memory sampler", Priority = ThreadPriority.AboveNormal };
    }

    public static MemorySampler Start()
    {
        var sampler = new MemorySampler();
        sampler._thread.Start();
        return sampler;
    }

    /// <summary>The working set's highest rise above its size at the start, and the managed heap's highest size.</summary>
    public (long WorkingSetGrowthBytes, long ManagedHeapBytes) Stop()
    {
        _stopping = true;
        _thread.Join();
        TakeSample();
        return (Math.Max(0, _peakWorkingSet - _workingSetBefore), _peakManagedHeap);
    }

    public void Dispose()
    {
        if (!_stopping) Stop();
    }

    private void Sample()
    {
        while (!_stopping)
        {
            TakeSample();
            Thread.Sleep(Interval);
        }
    }

    private void TakeSample()
    {
        _peakWorkingSet = Math.Max(_peakWorkingSet, Environment.WorkingSet);
        _peakManagedHeap = Math.Max(_peakManagedHeap, GC.GetTotalMemory(forceFullCollection: false));
    }
}
