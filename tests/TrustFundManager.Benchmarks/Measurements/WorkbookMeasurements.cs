using System.Diagnostics;
using ClosedXML.Excel;
using Microsoft.Extensions.DependencyInjection;
using TrustFundManager.Infrastructure.Reports;

namespace TrustFundManager.Benchmarks.Measurements;

/// <summary>
/// One workbook built once: wall time, bytes allocated by the process while building it
/// (<see cref="GC.GetTotalAllocatedBytes"/>, precise; nothing else runs meanwhile), the growth of the process's peak
/// working set during the build (0 when it stayed under the peak reached before), the file size, and the cells written.
/// </summary>
public sealed record WorkbookFigure(string Workbook, double Seconds, long AllocatedBytes, long PeakWorkingSetGrowthBytes,
    long FileBytes, long Cells);

public static class WorkbookMeasurements
{
    public static async Task<IReadOnlyList<WorkbookFigure>> RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var now = DateTimeOffset.UtcNow;
        var fundingStatus = await MeasureAsync("funding status", services,
            s => s.GetRequiredService<FundingStatusReport>().BuildAsync(DateOnly.FromDateTime(now.UtcDateTime), now, ct));
        var portfolio = await MeasureAsync("portfolio", services,
            s => s.GetRequiredService<PortfolioReport>().BuildAsync(DirectMeasurementsActor, now, ct));
        return
        [
            fundingStatus, Baseline("funding status", fundingStatus),
            portfolio, Baseline("portfolio", portfolio),
        ];
    }

    private static readonly Workflows.WorkflowActor DirectMeasurementsActor = new("fmu.officer", "Amina Diallo",
        [Domain.Access.Roles.FundManager]);

    private static async Task<WorkbookFigure> MeasureAsync(string name, IServiceProvider services,
        Func<IServiceProvider, Task<ReportFile>> build)
    {
        await using var scope = services.CreateAsyncScope();
        GC.Collect();
        var (peakBefore, allocatedBefore) = (CurrentPeak(), GC.GetTotalAllocatedBytes(precise: true));
        var stopwatch = Stopwatch.StartNew();
        var file = await build(scope.ServiceProvider);
        stopwatch.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        return new WorkbookFigure(name, stopwatch.Elapsed.TotalSeconds, allocated, CurrentPeak() - peakBefore, file.Content.Length,
            CountCells(file.Content));
    }

    /// <summary>Plain ClosedXML writing as many cells (the same rows and columns, alternately numbers and text) to a stream.</summary>
    private static WorkbookFigure Baseline(string name, WorkbookFigure measured)
    {
        const int columns = 12;
        var rows = (int)Math.Ceiling(measured.Cells / (double)columns);
        GC.Collect();
        var (peakBefore, allocatedBefore) = (CurrentPeak(), GC.GetTotalAllocatedBytes(precise: true));
        var stopwatch = Stopwatch.StartNew();
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
        stopwatch.Stop();
        return new WorkbookFigure($"{name} baseline (plain ClosedXML, {rows:N0} x {columns})", stopwatch.Elapsed.TotalSeconds,
            GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore, CurrentPeak() - peakBefore, stream.Length, (long)rows * columns);
    }

    private static long CurrentPeak()
    {
        using var process = Process.GetCurrentProcess();
        return process.PeakWorkingSet64;
    }

    private static long CountCells(byte[] content)
    {
        using var workbook = new XLWorkbook(new MemoryStream(content));
        return workbook.Worksheets.Sum(sheet => (long)sheet.CellsUsed().Count());
    }
}
