using TrustFundManager.Benchmarks.Generation;
using TrustFundManager.Benchmarks.Http;
using TrustFundManager.Benchmarks.Measurements;
using TrustFundManager.Benchmarks.Reporting;

namespace TrustFundManager.Benchmarks;

/// <summary>What one scale gave: generation, the direct queries, the workbooks and, when measured, the HTTP figures.</summary>
public sealed record ScaleFigures(GenerationResult Generation, IReadOnlyList<DirectFigure> Direct,
    IReadOnlyList<WorkbookFigure> Workbooks, HttpFigures? Http);

public sealed record RunOptions(IReadOnlyList<int> Scales, string Output, string DataDirectory, bool Quick, bool Reuse)
{
    public static RunOptions Parse(string[] args)
    {
        var scales = new List<int> { 1_000, 10_000 };
        var (output, data, quick, reuse) = (Path.Combine("docs", "benchmarks.md"),
            Path.Combine(Path.GetTempPath(), "trustfund-benchmarks"), false, false);
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--scales": scales = args[++i].Split(',').Select(s => int.Parse(s.Replace("k", "000"))).ToList(); break;
                case "--out": output = args[++i]; break;
                case "--data": data = args[++i]; break;
                case "--quick": quick = true; break;
                case "--reuse": reuse = true; break;
                default: throw new ArgumentException($"Unknown option '{args[i]}'. Options: --scales 1000,10000 --out <path> --data <dir> --quick --reuse");
            }
        }
        return new RunOptions(scales, output, data, quick, reuse);
    }
}

public static class BenchmarkRun
{
    public static async Task<int> MainAsync(string[] args,
        Func<string, HttpMeasurementOptions, TextWriter, CancellationToken, Task<HttpFigures>>? http)
    {
        var options = RunOptions.Parse(args);
        var ct = CancellationToken.None;
        Directory.CreateDirectory(options.DataDirectory);
        var started = DateTimeOffset.UtcNow;
        var figures = new List<ScaleFigures>();
        foreach (var scale in options.Scales)
        {
            var path = Path.Combine(options.DataDirectory, $"trustfund-{scale}.db");
            Console.WriteLine($"Scale {scale:N0}: generating {path}");
            var generation = options.Reuse && File.Exists(path)
                ? new GenerationResult(scale, path, TimeSpan.Zero, Reused: true, await ScaleGenerator.CountRowsAsync(path, ct))
                : await new ScaleGenerator(scale, Console.Out).GenerateAsync(path, ct);

            await using var services = BenchmarkServices.Create(path, TimeProvider.System);
            Console.WriteLine($"Scale {scale:N0}: direct queries");
            var direct = await DirectMeasurements.RunAsync(services, options.Quick ? 20 : 200,
                TimeSpan.FromSeconds(options.Quick ? 1 : 5), ct);
            Console.WriteLine($"Scale {scale:N0}: workbooks");
            var workbooks = await WorkbookMeasurements.RunAsync(services, ct);
            HttpFigures? httpFigures = null;
            if (http is not null)
            {
                Console.WriteLine($"Scale {scale:N0}: HTTP");
                httpFigures = await http(path, new HttpMeasurementOptions([1, 4, 16], TimeSpan.FromSeconds(options.Quick ? 1 : 5),
                    options.Quick ? 200 : 5_000, options.Quick ? 5 : 20), Console.Out, ct);
            }
            figures.Add(new ScaleFigures(generation, direct, workbooks, httpFigures));
        }

        var command = "dotnet run --project tests/TrustFundManager.Benchmarks -c Release" +
                      (args.Length > 0 ? " -- " + string.Join(' ', args) : "");
        var report = BenchmarkReport.Write(figures, command, started, DateTimeOffset.UtcNow - started);
        BenchmarkReport.RewriteGeneratedPart(options.Output, report);
        Console.WriteLine($"Wrote {options.Output}");
        return 0;
    }
}
