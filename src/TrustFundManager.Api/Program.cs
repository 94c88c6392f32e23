using System.Text.Json.Serialization;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Scalar.AspNetCore;
using Serilog;
using Serilog.Formatting.Compact;
using TrustFundManager.Api.Common;
using TrustFundManager.Api.Development;
using TrustFundManager.Api.OpenApi;
using TrustFundManager.Api.Security;
using TrustFundManager.Application;
using TrustFundManager.Application.Access;
using TrustFundManager.Infrastructure.Auditing;
using TrustFundManager.Infrastructure.Data;
using TrustFundManager.Infrastructure.Reports;
using TrustFundManager.Infrastructure.Seeding;
using TrustFundManager.Web;

// `--seed-demo` is the short form of `--Seed:Demo=true`: the demo portfolio on a database without concept notes.
const string SeedDemoSwitch = "--seed-demo";
var seedDemo = args.Contains(SeedDemoSwitch);
var builder = WebApplication.CreateBuilder(args.Where(a => a != SeedDemoSwitch).ToArray());
if (seedDemo) builder.Configuration.AddInMemoryCollection([new("Seed:Demo", "true")]);

builder.Services.AddSerilog((services, logger) =>
{
    logger.ReadFrom.Configuration(builder.Configuration)
        .ReadFrom.Services(services)
        .Enrich.FromLogContext()
        .Enrich.WithProperty("Application", "TrustFundManager");
    if (builder.Environment.IsDevelopment())
        logger.WriteTo.Console(outputTemplate:
            "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj} {CorrelationId}{NewLine}{Exception}");
    else
        logger.WriteTo.Console(new RenderedCompactJsonFormatter());
}, preserveStaticLogger: true);

var apiOptions = builder.Configuration.GetSection(ApiOptions.SectionName).Get<ApiOptions>() ?? new ApiOptions();
builder.Services.AddSingleton(apiOptions);

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddHttpContextAccessor();
builder.Services.AddScoped<IActorContext, HttpActorContext>();
builder.Services.AddTrustFundDatabase(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddTrustFundReports(builder.Configuration);

builder.Services.AddTrustFundAuthentication(builder.Configuration, builder.Environment);
builder.Services.AddAuthorizationBuilder().AddTrustFundPolicies();

// The web pages (src/TrustFundManager.Web, docs/web.md) on this host: a session cookie for pages, beside the API's
// bearer tokens, which keep serving /api alone.
builder.Services.AddTrustFundWeb(builder.Configuration, web => web.DevelopmentUsers = DevUsers.ForSignInPage());

builder.Services.Configure<JsonOptions>(o =>
{
    o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
    // A field the request does not have is refused (400 naming it), never dropped: see ApiExceptionHandler.
    o.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
});
builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
builder.Services.AddTrustFundApplication();
builder.Services.AddValidatorsFromAssemblyContaining<Program>(includeInternalTypes: true);

builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
{
    context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
    context.ProblemDetails.Extensions["traceId"] =
        System.Diagnostics.Activity.Current?.Id ?? context.HttpContext.TraceIdentifier;
    if (CorrelationIdMiddleware.Of(context.HttpContext) is { } correlationId)
        context.ProblemDetails.Extensions["correlationId"] = correlationId;
    if (CorrelationIdMiddleware.ClientOf(context.HttpContext) is { } clientCorrelationId)
        context.ProblemDetails.Extensions["clientCorrelationId"] = clientCorrelationId;
});
builder.Services.AddExceptionHandler<ApiExceptionHandler>();

builder.Services.AddTrustFundRateLimits(builder.Configuration);
builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
builder.Services.AddOpenApi(o => o
    .AddDocumentTransformer<DocumentInfoTransformer>()
    .AddDocumentTransformer<BearerSecuritySchemeTransformer>()
    .AddSchemaTransformer<EnumSchemaTransformer>()
    .AddSchemaTransformer<DecimalSchemaTransformer>()
    .AddSchemaTransformer<ProblemExtensionsSchemaTransformer>()
    .AddSchemaTransformer<ValidationRulesSchemaTransformer>()
    .AddOperationTransformer<QueryParameterNamesTransformer>()
    .AddOperationTransformer<FileResponsesTransformer>()
    .AddOperationTransformer<ProblemResponsesTransformer>()
    .AddOperationTransformer<OperationDetailsTransformer>());

// No "Server: Kestrel" header: it tells an attacker nothing they need.
builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);
DevIdentityGuard.RefuseBeyondLoopback(builder.Configuration, builder.Environment);

var app = builder.Build();

// The report layouts are read and validated now: an invalid one stops start-up, naming the file and the problem.
app.Services.GetRequiredService<ReportLayoutCatalog>();

if (!app.Environment.IsDevelopment() && !app.Configuration.GetSection(AuthenticationSetup.AzureAdSection).Exists())
    app.Logger.LogWarning(
        "No {Section} section is configured: every bearer token is refused. Configure Entra ID to let users sign in",
        AuthenticationSetup.AzureAdSection);

await using (var scope = app.Services.CreateAsyncScope())
    await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();

app.UseMiddleware<CorrelationIdMiddleware>();
if (!app.Environment.IsDevelopment()) app.UseHsts();
app.UseMiddleware<ContentTypeOptionsMiddleware>();
app.UseSerilogRequestLogging(o =>
{
    // This host's logger, not the process-wide static one (several hosts share a process in tests).
    o.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
    o.EnrichDiagnosticContext = (diagnostics, http) =>
    {
        if (http.User.Identity?.IsAuthenticated == true) diagnostics.Set("User", http.User.UserId());
    };
});
app.UseExceptionHandler();
app.UseStatusCodePages(BareStatusAnswers.WriteAsync);
app.UseMiddleware<RequestBodyLimitMiddleware>();
app.UseAuthentication();
app.UseAuthorization();
// After authentication: the limits are counted per signed-in user.
app.UseTrustFundRateLimits();

app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") })
    .AllowAnonymous();

if (app.Environment.IsDevelopment())
{
    app.MapOpenApi().AllowAnonymous();
    app.MapScalarApiReference().AllowAnonymous();

    // With Entra ID configured there is no development issuer, and so no development sign-in.
    if (app.Services.GetService<DevTokenIssuer>() is not null) app.MapDevIdentity();
}

app.MapEndpointGroups();

// The web pages at / (the API stays at /api): languages, anti-forgery, static assets, sign-in, the components.
app.MapTrustFundWeb();

app.Run();

/// <summary>The API's entry point, visible to the test host.</summary>
public partial class Program;
