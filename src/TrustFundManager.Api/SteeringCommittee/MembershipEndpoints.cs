using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using TrustFundManager.Api.Common;
using TrustFundManager.Api.Security;
using TrustFundManager.Application.Access;
using TrustFundManager.Application.Committee;

namespace TrustFundManager.Api.SteeringCommittee;

public sealed class MembershipEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/steering-committee").WithTags("Steering Committee");

        group.MapGet("/composition", Composition).RequireAuthorization(Policies.SignedIn)
            .WithName("GetCommitteeComposition")
            .WithSummary("Who holds each seat of each constituency on a day (today by default), the vacancies, the chair and attendees, and the terms ending within 90 days.");
        group.MapGet("/members", List).RequireAuthorization(Policies.ReadCommittee)
            .WithName("ListCommitteeMembers")
            .WithSummary("Every membership (past, current and future), or those serving on 'asOf', optionally of one constituency.");
        group.MapGet("/members/{id:guid}", Get).RequireAuthorization(Policies.ReadCommittee)
            .WithName("GetCommitteeMember")
            .WithSummary("One membership: the person, their seat or role, whom they represent and their term.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/members", Appoint).RequireAuthorization(Policies.ManageCommittee)
            .WithRequestValidation<AppointMemberRequest>()
            .WithName("AppointCommitteeMember")
            .WithSummary("Appoints a member to a free seat for a term (the fund's term length by default), or records the chair or an attendee.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/members/{id:guid}/end-term", EndTerm).RequireAuthorization(Policies.ManageCommittee)
            .WithRequestValidation<EndTermRequest>()
            .WithName("EndCommitteeTerm")
            .WithSummary("Ends a term before its planned end (a resignation, a replacement), with the reason; the seat is free from the next day.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Ok<CompositionResponse>> Composition(DateOnly? asOf, ClaimsPrincipal user,
        MembershipUseCases useCases, CancellationToken ct) =>
        TypedResults.Ok(await useCases.CompositionAsync(asOf, user.AsWorkflowActor(), ct));

    private static async Task<Ok<List<MembershipResponse>>> List([AsParameters] MembershipQuery query, ClaimsPrincipal user,
        MembershipUseCases useCases, CancellationToken ct) =>
        TypedResults.Ok(await useCases.ListAsync(query, user.AsWorkflowActor(), ct));

    private static async Task<Ok<MembershipResponse>> Get(Guid id, ClaimsPrincipal user, MembershipUseCases useCases,
        CancellationToken ct) =>
        TypedResults.Ok(await useCases.GetAsync(id, user.AsWorkflowActor(), ct));

    private static async Task<Created<MembershipResponse>> Appoint(AppointMemberRequest request, ClaimsPrincipal user,
        MembershipUseCases useCases, CancellationToken ct)
    {
        var response = await useCases.AppointAsync(request, user.AsWorkflowActor(), ct);
        return TypedResults.Created(response.Href, response);
    }

    private static async Task<Ok<MembershipResponse>> EndTerm(Guid id, EndTermRequest request, ClaimsPrincipal user,
        MembershipUseCases useCases, CancellationToken ct) =>
        TypedResults.Ok(await useCases.EndTermAsync(id, request, user.AsWorkflowActor(), ct));
}
