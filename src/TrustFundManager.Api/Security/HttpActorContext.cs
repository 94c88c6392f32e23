using TrustFundManager.Api.Common;
using TrustFundManager.Application.Access;
using TrustFundManager.Infrastructure.Auditing;

namespace TrustFundManager.Api.Security;

/// <summary>The signed-in caller as the actor of the audit log; the application itself outside a request.</summary>
public sealed class HttpActorContext(IHttpContextAccessor accessor) : IActorContext
{
    public string Actor => accessor.HttpContext?.User.Identity?.IsAuthenticated == true
        ? accessor.HttpContext.User.UserId()
        : SystemActorContext.SystemActor;

    public string? CorrelationId => accessor.HttpContext is { } context ? CorrelationIdMiddleware.Of(context) : null;
}
