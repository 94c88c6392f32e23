using Microsoft.Data.Sqlite;
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
    /// <summary>A consistent copy of the database beside it, through SQLite's online backup.</summary>
    private static string CopyOf(string path)
    {
        var copy = Path.ChangeExtension(path, ".http.db");
        File.Delete(copy);
        using var source = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        using var destination = new SqliteConnection($"Data Source={copy};Pooling=False");
        source.Open();
        destination.Open();
        source.BackupDatabase(destination);
        using var wal = destination.CreateCommand();
        wal.CommandText = "PRAGMA journal_mode=WAL;";
        wal.ExecuteNonQuery();
        return copy;
    }

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
            var generation = options.Reuse && await ScaleGenerator.IsReusableAsync(path, scale, ct)
                ? new GenerationResult(scale, path, TimeSpan.Zero, Reused: true, await ScaleGenerator.CountRowsAsync(path, ct))
                : await new ScaleGenerator(scale, Console.Out).GenerateAsync(path, ct);

            await using var services = BenchmarkServices.Create(path, TimeProvider.System);
            // A reused database gets the migrations added since it was generated, as the API would at start-up.
            if (generation.Reused) await BenchmarkServices.InitializeAsync(services, ct);
            Console.WriteLine($"Scale {scale:N0}: direct queries");
            var direct = await DirectMeasurements.RunAsync(services, options.Quick ? 20 : 200,
                TimeSpan.FromSeconds(options.Quick ? 1 : 5), ct);
            Console.WriteLine($"Scale {scale:N0}: workbooks");
            var workbooks = await WorkbookMeasurements.RunAsync(services, ct);
            HttpFigures? httpFigures = null;
            if (http is not null)
            {
                Console.WriteLine($"Scale {scale:N0}: HTTP");
                // The HTTP scenarios submit, vote and fund notes: they work on a copy, so that a reused database
                // stays as generated.
                var copy = CopyOf(path);
                try
                {
                    // The rate limiter is watched once, at the first scale: what it does does not depend on the data.
                    TimeSpan? limitsRun = figures.Count > 0 ? null : TimeSpan.FromSeconds(options.Quick ? 10 : 70);
                    httpFigures = await http(copy, new HttpMeasurementOptions([1, 4, 16], TimeSpan.FromSeconds(options.Quick ? 1 : 5),
                        options.Quick ? 200 : 5_000, options.Quick ? 5 : 20, limitsRun), Console.Out, ct);
                }
                finally
                {
                    SqliteConnection.ClearAllPools();
                    foreach (var file in new[] { copy, copy + "-wal", copy + "-shm" }) File.Delete(file);
                }
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
