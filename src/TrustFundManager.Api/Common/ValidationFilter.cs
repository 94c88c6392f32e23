using FluentValidation;

namespace TrustFundManager.Api.Common;

/// <summary>Runs the request's validator before the endpoint; a failure answers 400 with errors keyed by field.</summary>
public sealed class ValidationFilter<TRequest>(IValidator<TRequest> validator) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.Arguments.OfType<TRequest>().FirstOrDefault();
        if (request is null) return await next(context);

        var result = await validator.ValidateAsync(request, context.HttpContext.RequestAborted);
        if (result.IsValid) return await next(context);

        var errors = result.Errors
            .GroupBy(e => e.PropertyName)
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray());
        return TypedResults.ValidationProblem(errors, title: "The request is not valid.");
    }
}

public static class ValidationExtensions
{
    /// <summary>Validates the <typeparamref name="TRequest"/> body with its FluentValidation validator.</summary>
    public static RouteHandlerBuilder WithRequestValidation<TRequest>(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter<ValidationFilter<TRequest>>().ProducesValidationProblem();
}
