using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
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
                Title = "The change breaks one of the fund's rules.",
                Detail = invalid.Message,
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
            DbUpdateConcurrencyException => new ProblemDetails
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
            BadHttpRequestException badRequest => MalformedRequest(badRequest),
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

    private static ProblemDetails MalformedRequest(BadHttpRequestException exception)
    {
        if (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
            return new ProblemDetails
            {
                Status = StatusCodes.Status413PayloadTooLarge,
                Title = "The request body is too large.",
            };

        // A JSON error names where in the body it happened ("$.seats"); report it as that field.
        if (exception.InnerException is JsonException { Path: { } path })
        {
            var field = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;
            return new ValidationProblemDetails(new Dictionary<string, string[]>
            {
                [field is "" or "$" ? "body" : field] = ["This value is malformed or of the wrong type."],
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
                    [$"'{unbound.Groups["value"].Value}' is not a valid value."],
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

    [System.Text.RegularExpressions.GeneratedRegex("parameter \"(?:[^\"]* )?(?<name>\\w+)\" from \"(?<value>[^\"]*)\"")]
    private static partial System.Text.RegularExpressions.Regex UnboundValue();
}
