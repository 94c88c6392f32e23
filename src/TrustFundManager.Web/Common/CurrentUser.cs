using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using TrustFundManager.Application.Access;
using TrustFundManager.Workflows;

namespace TrustFundManager.Web.Common;

/// <summary>
/// The signed-in user of the page or circuit, and the same user as the application layer's
/// <see cref="WorkflowActor"/> (read from the claims exactly as the API reads a token's), so that pages and API
/// enforce the same rules by construction.
/// </summary>
public sealed class CurrentUser(AuthenticationStateProvider authentication)
{
    public async Task<ClaimsPrincipal> PrincipalAsync() => (await authentication.GetAuthenticationStateAsync()).User;

    public async Task<WorkflowActor> ActorAsync() => (await PrincipalAsync()).AsWorkflowActor();
}
