using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace TrustFundManager.Benchmarks.Http;

/// <summary>
/// The built API (TrustFundManager.Api.dll, copied beside the benchmarks by the project reference) running as a child
/// process on loopback Kestrel against one SQLite file, in the Development environment so that /dev/token signs in
/// the demo users. A process of its own keeps the load generator's threads and garbage collections out of the API's.
/// </summary>
internal sealed class ApiProcess : IAsyncDisposable
{
    private const int OutputLinesKept = 40;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(15);

    private readonly Process process;
    private readonly Queue<string> lastOutput = new();

    private ApiProcess(Process process, Uri baseAddress)
    {
        this.process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>Starts the API and returns once /health/ready answers 200; stops it again if it never does.</summary>
    public static async Task<ApiProcess> StartAsync(string databasePath, TextWriter log, CancellationToken ct,
        IReadOnlyList<string>? settings = null)
    {
        if (!File.Exists(databasePath)) throw new FileNotFoundException("No SQLite database to measure.", databasePath);

        var port = FreeLoopbackPort();
        var api = new ApiProcess(Process.Start(StartInfo(Path.GetFullPath(databasePath), port, settings ?? []))
            ?? throw new InvalidOperationException("The API process did not start."), new Uri($"http://127.0.0.1:{port}"));
        api.CaptureOutput();
        try
        {
            await api.WaitUntilReadyAsync(ct);
            log.WriteLine($"API started (process {api.process.Id}) on {api.BaseAddress} against {databasePath}");
            return api;
        }
        catch
        {
            await api.DisposeAsync();
            throw;
        }
    }

    /// <param name="settings">Configuration on top of the defaults, such as <c>--RateLimiting:Enabled=true</c>.</param>
    private static ProcessStartInfo StartInfo(string databasePath, int port, IReadOnlyList<string> settings)
    {
        var apiAssembly = typeof(Api.Development.DevUsers).Assembly.Location;
        var startInfo = new ProcessStartInfo("dotnet")
        {
            // The API finds its workflows, report layouts and appsettings beside its assembly.
            WorkingDirectory = Path.GetDirectoryName(apiAssembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] arguments =
        [
            apiAssembly,
            "--urls", $"http://127.0.0.1:{port}",
            "--environment", "Development",
            "--Database:Provider=Sqlite",
            $"--ConnectionStrings:TrustFund=Data Source={databasePath}",
            // Request logging at Information would write a line per request to a redirected console.
            "--Serilog:MinimumLevel:Default=Warning",
        ];
        foreach (var argument in arguments.Concat(settings)) startInfo.ArgumentList.Add(argument);
        startInfo.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        return startInfo;
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Drains both pipes (a full pipe would block the API) and keeps the last lines to explain a failure.</summary>
    private void CaptureOutput()
    {
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        lock (lastOutput)
        {
            lastOutput.Enqueue(line);
            if (lastOutput.Count > OutputLinesKept) lastOutput.Dequeue();
        }
    }

    public string LastOutput()
    {
        lock (lastOutput) return string.Join(Environment.NewLine, lastOutput);
    }

    private async Task WaitUntilReadyAsync(CancellationToken ct)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            if (process.HasExited)
                throw new InvalidOperationException(
                    $"The API exited with code {process.ExitCode} before it was ready:{Environment.NewLine}{LastOutput()}");
            try
            {
                using var response = await client.GetAsync("/health/ready", ct);
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(TimeSpan.FromMilliseconds(250), ct);
        }
        throw new TimeoutException($"The API was not ready within {StartTimeout.TotalSeconds} s:{Environment.NewLine}{LastOutput()}");
    }

    /// <summary>
    /// Asks the API to stop (SIGTERM, so that SQLite folds its write-ahead log back into the database file) and
    /// kills it if it has not stopped in time.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (process.HasExited) return;
            if (!OperatingSystem.IsWindows()) await AskToStopAsync();
            using var timeout = new CancellationTokenSource(OperatingSystem.IsWindows() ? TimeSpan.Zero : StopTimeout);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(CancellationToken.None);
            }
        }
        finally
        {
            process.Dispose();
        }
    }

    private async Task AskToStopAsync()
    {
        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-TERM", process.Id.ToString(CultureInfo.InvariantCulture) } });
        if (kill is not null) await kill.WaitForExitAsync(CancellationToken.None);
    }
}
