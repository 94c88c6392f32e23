using TrustFundManager.Workflows;

namespace TrustFundManager.Application.Access;

/// <summary>The function-level check every use case starts with.</summary>
public static class ActorAccess
{
    public static bool Holds(this WorkflowActor actor, AccessPolicy policy) =>
        actor.IsSystem || policy.Admits(actor.Roles);

    /// <summary>Refuses (403) a caller who holds none of the policy's roles.</summary>
    /// <exception cref="AccessDeniedException">The caller holds none of the roles.</exception>
    public static void Require(this WorkflowActor actor, AccessPolicy policy)
    {
        if (!actor.Holds(policy))
            throw new AccessDeniedException($"This is open to {policy.Description}; your sign-in holds none of " +
                                            $"{string.Join(", ", policy.Roles)}.");
    }
}
