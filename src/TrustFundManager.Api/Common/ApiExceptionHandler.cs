using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TrustFundManager.Application.Access;
using TrustFundManager.Domain.Common;
using TrustFundManager.Infrastructure.Data;
using TrustFundManager.Workflows;

namespace TrustFundManager.Api.Common;

/// <summary>
/// Turns exceptions into ProblemDetails: a rule of the fund into 400, 403, 409 or 422, a malformed request into
/// 400 (or 413), and anything unexpected into a 500 that says nothing about the internals.
/// </summary>
public sealed partial class ApiExceptionHandler(IProblemDetailsService problemDetails, ILogger<ApiExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception,
        CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            InvalidChangeException invalid => new ValidationProblemDetails(
                invalid.Errors.ToDictionary(e => e.Key, e => e.Value))
            {
                Status = StatusCodes.Status400BadRequest,
                // A read changes nothing: its refused values are the query's, not a change's.
                Title = IsRead(httpContext) ? "The request is not valid." : "The change breaks one of the fund's rules.",
                Detail = IsRead(httpContext) ? "One or more values of the query are not valid; 'errors' names each." : invalid.Message,
            },
            DomainConflictException { Errors.Count: > 0 } incomplete => new ValidationProblemDetails(
                incomplete.Errors.ToDictionary(e => e.Key, e => e.Value))
            {
                Status = StatusCodes.Status409Conflict, Title = "Conflict", Detail = incomplete.Message,
            },
            DomainConflictException conflict => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict, Title = "Conflict", Detail = conflict.Message,
            },
            NotFoundException notFound => new ProblemDetails
            {
                Status = StatusCodes.Status404NotFound, Title = "Not Found", Detail = notFound.Message,
            },
            AccessDeniedException denied => new ProblemDetails
            {
                Status = StatusCodes.Status403Forbidden, Title = "Forbidden", Detail = denied.Message,
            },
            ActionNotPermittedException forbidden => new ProblemDetails
            {
                Status = StatusCodes.Status403Forbidden, Title = "Forbidden", Detail = forbidden.Message,
            },
            DbUpdateConcurrencyException => new ValidationProblemDetails(new Dictionary<string, string[]>
            {
                ["version"] = ["Someone else changed this record at the same moment; read it again for its latest version."],
            })
            {
                Status = StatusCodes.Status409Conflict,
                Title = "Conflict",
                Detail = "Someone else changed this record at the same moment; read it again and retry.",
            },
            DbUpdateException duplicate when duplicate.IsUniqueViolation() => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "Conflict",
                Detail = "Someone else made the same change at the same moment; read the record again before retrying.",
            },
            DomainException rule => new ProblemDetails
            {
                Status = StatusCodes.Status422UnprocessableEntity,
                Title = "The fund's rules do not allow this.",
                Detail = rule.Message,
            },
            BadHttpRequestException badRequest => MalformedRequest(badRequest,
                // The handler runs without the endpoint; the feature keeps the one that failed.
                httpContext.Features.Get<IExceptionHandlerFeature>()?.Endpoint?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType),
            _ => null,
        };

        if (problem is null)
        {
            logger.LogError(exception, "Unhandled exception on {Method} {Path}", httpContext.Request.Method,
                httpContext.Request.Path);
            problem = new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = "An unexpected error occurred.",
                Detail = "The error has been logged; quote the traceId when reporting it.",
            };
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    internal static ProblemDetails MalformedRequest(BadHttpRequestException exception, Type? bodyType)
    {
        if (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
            return new ProblemDetails
            {
                Status = StatusCodes.Status413PayloadTooLarge,
                Title = "The request body is too large.",
            };

        // A JSON error names where in the body it happened ("$.seats"); report it as that field.
        if (exception.InnerException is JsonException { Path: { } path } json)
        {
            var field = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;
            var error = "This value is malformed or of the wrong type.";
            // A misspelt or unknown field is refused rather than ignored: a PUT replaces the whole record, so an
            // ignored "summery" would silently empty the summary.
            if (UnmappedMember().Match(json.Message) is { Success: true } unmapped)
            {
                var member = unmapped.Groups["name"].Value;
                // The path ends with the member itself ("$.budget[0].amountUSD") or, before it is read, its object.
                if (field is "" or "$") field = member;
                else if (field != member && !field.EndsWith($".{member}", StringComparison.Ordinal)) field = $"{field}.{member}";
                error = $"'{member}' is not a field of this request; check its spelling.";
            }
            else if (TypeAt(bodyType, path) is { IsEnum: true } choices)
            {
                error = $"The value must be one of: {string.Join(", ", Enum.GetNames(choices))}.";
            }

            return new ValidationProblemDetails(new Dictionary<string, string[]>
            {
                [field is "" or "$" ? "body" : field] = [error],
            })
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "The request body is not valid JSON for this request.",
            };
        }

        // A route or query value that does not bind: 'Failed to bind parameter "Region? region" from "X".'
        var unbound = UnboundValue().Match(exception.Message);
        if (unbound.Success)
            return new ValidationProblemDetails(new Dictionary<string, string[]>
            {
                [JsonNamingPolicy.CamelCase.ConvertName(unbound.Groups["name"].Value)] =
                    [EnumNamed(unbound.Groups["type"].Value) is { } allowed
                        ? $"'{unbound.Groups["value"].Value}' is not a valid value; it must be one of: {string.Join(", ", allowed)}."
                        : $"'{unbound.Groups["value"].Value}' is not a valid value."],
            })
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "The request could not be read.",
            };

        // Anything else the framework could not read is about the body: missing, empty, or of another media type.
        return new ValidationProblemDetails(new Dictionary<string, string[]>
        {
            ["body"] = ["A JSON body is required: send the fields of this request as application/json."],
        })
        {
            Status = exception.StatusCode,
            Title = "The request could not be read.",
        };
    }

    [GeneratedRegex("parameter \"(?:(?<type>[^\"]*) )?(?<name>\\w+)\" from \"(?<value>[^\"]*)\"")]
    private static partial Regex UnboundValue();

    // "The JSON property 'summery' could not be mapped to any .NET member contained in type '...'."
    [GeneratedRegex("property '(?<name>[^']+)' could not be mapped")]
    private static partial Regex UnmappedMember();

    [GeneratedRegex(@"[\w.]+")]
    private static partial Regex TypeNames();

    [GeneratedRegex(@"\[\d+\]|[^.\[\]$]+")]
    private static partial Regex PathSteps();

    /// <summary>
    /// The type of the value at a JSON <paramref name="path"/> (<c>$.budget[0].kind</c>) of a request body of type
    /// <paramref name="body"/>, following its properties and list elements; null where the path leaves the type.
    /// </summary>
    private static Type? TypeAt(Type? body, string path)
    {
        var type = body;
        foreach (Match step in PathSteps().Matches(path))
        {
            if (type is null) return null;
            type = Nullable.GetUnderlyingType(type) ?? type;
            type = step.Value.StartsWith('[')
                ? type.IsArray ? type.GetElementType() : type.GetInterfaces().Append(type)
                    .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))
                    ?.GetGenericArguments()[0]
                : type.GetProperty(step.Value, BindingFlags.Public | BindingFlags.Instance |
                                                BindingFlags.IgnoreCase)?.PropertyType;
        }

        return type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
    }

    /// <summary>The fund's enums by full and (where unique) short name: what an error message may name.</summary>
    private static readonly Lazy<IReadOnlyDictionary<string, Type>> FundEnums = new(() =>
    {
        var enums = AppDomain.CurrentDomain.GetAssemblies()
            .Where(a => a.GetName().Name is { } name && name.StartsWith("TrustFundManager.", StringComparison.Ordinal) &&
                        !name.Contains("Test", StringComparison.Ordinal) && !name.Contains("Benchmark", StringComparison.Ordinal))
            .SelectMany(a => a.GetExportedTypes())
            .Where(t => t.IsEnum)
            .ToList();
        var byName = enums.ToDictionary(t => t.FullName!, StringComparer.Ordinal);
        foreach (var unique in enums.GroupBy(t => t.Name).Where(g => g.Count() == 1)) byName.TryAdd(unique.Key, unique.Single());
        return byName;
    });

    /// <summary>
    /// The values a client may send when <paramref name="message"/> (the framework's error) names one of the fund's
    /// enums, such as a donor kind or a vote choice; null otherwise.
    /// </summary>
    private static IReadOnlyList<string>? EnumNamed(string message) =>
        TypeNames().Matches(message)
            .Select(m => m.Value.Trim('.'))
            .Select(name => FundEnums.Value.GetValueOrDefault(name))
            .FirstOrDefault(type => type is not null) is { } found
            ? Enum.GetNames(found)
            : null;

    private static bool IsRead(HttpContext context) => HttpMethods.IsGet(context.Request.Method);
}
