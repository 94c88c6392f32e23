using Microsoft.Extensions.DependencyInjection;
using TrustFundManager.Workflows;

namespace TrustFundManager.Web.Common;

/// <summary>
/// How a page calls the application layer: one use-case call in a scope of its own, with the signed-in user as the
/// actor. A circuit lives for as long as the browser tab, so a DbContext scoped to it would grow stale and be used
/// by two components at once; a scope per call gives each call a fresh unit of work, as an API request has.
/// </summary>
public sealed class UseCases(IServiceScopeFactory scopes, CurrentUser user)
{
    /// <summary>
    /// Calls one method of a <c>*UseCases</c> class, e.g.
    /// <c>await UseCases.CallAsync&lt;TaskUseCases, TaskPage&gt;((tasks, actor) =&gt; tasks.MineAsync(query, actor, ct))</c>.
    /// </summary>
    public async Task<TResult> CallAsync<TUseCases, TResult>(Func<TUseCases, WorkflowActor, Task<TResult>> call)
        where TUseCases : notnull
    {
        var actor = await user.ActorAsync();
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<PageCaller>().UserId = actor.UserId;
        return await call(scope.ServiceProvider.GetRequiredService<TUseCases>(), actor);
    }
}
