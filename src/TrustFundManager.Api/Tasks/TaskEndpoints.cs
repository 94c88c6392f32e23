using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using TrustFundManager.Api.Common;
using TrustFundManager.Api.Security;
using TrustFundManager.Application.Access;
using TrustFundManager.Application.Workflows;

namespace TrustFundManager.Api.Tasks;

public sealed class TaskEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/tasks/mine", Mine).WithTags("Tasks")
            .RequireAuthorization(Policies.SignedIn)
            .WithRequestValidation<TaskQuery>()
            .WithName("ListMyTasks")
            .WithSummary("What waits for the caller, oldest first: open tasks for the caller's roles within their scope, with links to act.");
    }

    private static async Task<Ok<TaskPage>> Mine([AsParameters] TaskQuery query, ClaimsPrincipal user,
        TaskUseCases useCases, CancellationToken ct) =>
        TypedResults.Ok(await useCases.MineAsync(query, user.AsWorkflowActor(), ct));
}
