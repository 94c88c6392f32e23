using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using TrustFundManager.Application.Access;

namespace TrustFundManager.Api.Common;

/// <summary>
/// How much one user may ask of the API per minute, by kind of request, how many heavy exports (workbooks, the IATI
/// file) run at once for everyone, and how long an API request may run. The limits are off in Development
/// (appsettings.Development.json, which the test hosts load too; a test about limits turns them on with its own
/// numbers), on everywhere else.
/// </summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "RateLimiting";

    public bool Enabled { get; init; } = true;

    /// <summary>Reads (and changes other than creates) per user per minute.</summary>
    public int RequestsPerMinute { get; init; } = 600;

    /// <summary>Creates (POST) per user per minute.</summary>
    public int CreatesPerMinute { get; init; } = 60;

    /// <summary>Workbook and IATI exports per user per minute.</summary>
    public int ExportsPerMinute { get; init; } = 10;

    /// <summary>Workbook and IATI builds running at once, for all users together; the next ones wait in a short queue.</summary>
    public int ConcurrentExports { get; init; } = 2;

    public int ExportQueue { get; init; } = 4;

    /// <summary>How long a request may run before it is cancelled (exports get five times as long).</summary>
    public int RequestTimeoutSeconds { get; init; } = 60;
}

public static class RateLimits
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    public static IServiceCollection AddTrustFundRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(RateLimitOptions.SectionName).Get<RateLimitOptions>() ?? new RateLimitOptions();
        services.AddSingleton(options);
        if (!options.Enabled) return services;

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(context =>
                {
                    var kind = KindOf(context.Request);
                    var limit = kind switch
                    {
                        "export" => options.ExportsPerMinute,
                        "create" => options.CreatesPerMinute,
                        _ => options.RequestsPerMinute,
                    };
                    return kind == "none"
                        ? RateLimitPartition.GetNoLimiter("none")
                        : RateLimitPartition.GetFixedWindowLimiter($"{kind}:{CallerOf(context)}", _ => new FixedWindowRateLimiterOptions
                        {
                            PermitLimit = limit, Window = Window, QueueLimit = 0,
                        });
                }),
                PartitionedRateLimiter.Create<HttpContext, string>(context => KindOf(context.Request) == "export"
                    ? RateLimitPartition.GetConcurrencyLimiter("exports", _ => new ConcurrencyLimiterOptions
                    {
                        PermitLimit = options.ConcurrentExports, QueueLimit = options.ExportQueue,
                        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                    })
                    : RateLimitPartition.GetNoLimiter("none")));
            o.OnRejected = async (context, ct) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait)
                    ? (int)Math.Ceiling(wait.TotalSeconds)
                    : 10;
                var http = context.HttpContext;
                http.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails =
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Title = "Too many requests",
                        Detail = $"You have made more requests of this kind than the fund allows in a minute; try again in {retryAfter} seconds.",
                    },
                });
            };
        });
        return services;
    }

    public static WebApplication UseTrustFundRateLimits(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<RateLimitOptions>();
        if (options.Enabled) app.UseRateLimiter();
        app.Use((context, next) => WithTimeoutAsync(context, next, options));
        return app;
    }

    /// <summary>
    /// Cancels an API request that runs past its time (504): its queries stop with it. Only /api: the pages' long-lived
    /// connections are not requests that finish.
    /// </summary>
    private static async Task WithTimeoutAsync(HttpContext context, Func<Task> next, RateLimitOptions options)
    {
        var kind = KindOf(context.Request);
        if (kind == "none" || options.RequestTimeoutSeconds <= 0)
        {
            await next();
            return;
        }

        var original = context.RequestAborted;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(original);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.RequestTimeoutSeconds * (kind == "export" ? 5 : 1)));
        context.RequestAborted = timeout.Token;
        try
        {
            await next();
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !original.IsCancellationRequested
                                                 && !context.Response.HasStarted)
        {
            context.Response.StatusCode = StatusCodes.Status504GatewayTimeout;
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails =
                {
                    Status = StatusCodes.Status504GatewayTimeout,
                    Title = "The request took too long",
                    Detail = "The request ran past the time the API allows and was stopped; nothing it started was saved.",
                },
            });
        }
        finally
        {
            context.RequestAborted = original;
        }
    }

    /// <summary>Only the API is limited; the pages and health checks are not.</summary>
    private static string KindOf(HttpRequest request)
    {
        if (!request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)) return "none";
        if (request.Path.StartsWithSegments("/api/reports", StringComparison.OrdinalIgnoreCase)
            || request.Path.StartsWithSegments("/api/iati", StringComparison.OrdinalIgnoreCase)) return "export";
        return HttpMethods.IsPost(request.Method) ? "create" : "read";
    }

    /// <summary>The signed-in user, or the remote address for a caller not (yet) signed in.</summary>
    private static string CallerOf(HttpContext context) =>
        context.User.Identity?.IsAuthenticated == true
            ? $"user:{context.User.UserId()}"
            : $"address:{context.Connection.RemoteIpAddress}";
}
