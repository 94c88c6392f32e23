using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using System.Security.Claims;
using TrustFundManager.Api.Common;
using TrustFundManager.Application.Common;
using TrustFundManager.Api.Security;
using TrustFundManager.Application.Access;
using TrustFundManager.Domain.Committee;
using TrustFundManager.Domain.Common;
using TrustFundManager.Domain.ReferenceData;
using TrustFundManager.Infrastructure.Data;

namespace TrustFundManager.Api.SteeringCommittee;

public sealed class MembershipEndpoints : IEndpointGroup
{
    private const int TermEndingSoonDays = 90;

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
            .WithSummary("One membership: the person, their seat or role, whom they represent and their term.");
        group.MapPost("/members", Appoint).RequireAuthorization(Policies.ManageCommittee)
            .WithRequestValidation<AppointMemberRequest>()
            .WithName("AppointCommitteeMember")
            .WithSummary("Appoints a member to a free seat for a term (the fund's term length by default), or records the chair or an attendee.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/members/{id:guid}/end-term", EndTerm).RequireAuthorization(Policies.ManageCommittee)
            .WithRequestValidation<EndTermRequest>()
            .WithName("EndCommitteeTerm")
            .WithSummary("Ends a term before its planned end (a resignation, a replacement), with the reason; the seat is free from the next day.")
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Ok<CompositionResponse>> Composition(DateOnly? asOf, TrustFundDbContext db, TimeProvider time,
        CancellationToken ct)
    {
        var day = asOf ?? DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var constituencies = await db.Constituencies.AsNoTracking().OrderBy(c => c.Code).ToListAsync(ct);
        var serving = await db.CommitteeMemberships.AsNoTracking()
            .Where(m => m.TermStart <= day && m.TermEnd >= day).OrderBy(m => m.TermStart).ToListAsync(ct);
        var members = serving.Where(m => m.Role == CommitteeRole.Member).ToList();

        SeatHolderResponse Holder(CommitteeMembership m) => new(m.Id, m.Name, RepresentationOf(m), m.TermStart, m.TermEnd,
            m.TermEnd <= day.AddDays(TermEndingSoonDays));

        var byConstituency = constituencies.Select(c =>
        {
            var seats = Enumerable.Range(1, c.Seats).Select(seat =>
                members.FirstOrDefault(m => m.ConstituencyCode == c.Code && m.Seat == seat) is { } holder
                    ? new SeatResponse(seat, Holder(holder), Vacant: false)
                    : new SeatResponse(seat, null, Vacant: true)).ToList();
            return new ConstituencyCompositionResponse(c.Code, c.Name, c.Seats, seats.Count(s => s.Vacant), seats);
        }).ToList();

        return TypedResults.Ok(new CompositionResponse(day, byConstituency.Sum(c => c.Seats), members.Count,
            byConstituency.Sum(c => c.Vacancies), byConstituency,
            serving.Where(m => m.Role != CommitteeRole.Member).OrderBy(m => m.Role)
                .Select(m => new NonVotingResponse(m.Id, m.Name, m.Role, RepresentationOf(m), m.TermStart, m.TermEnd)).ToList(),
            members.Where(m => m.TermEnd <= day.AddDays(TermEndingSoonDays)).OrderBy(m => m.TermEnd).Select(Holder).ToList()));
    }

    private static async Task<Ok<List<MembershipResponse>>> List([AsParameters] MembershipQuery query, TrustFundDbContext db,
        CancellationToken ct)
    {
        var memberships = db.CommitteeMemberships.AsNoTracking();
        if (query.AsOf is { } day) memberships = memberships.Where(m => m.TermStart <= day && m.TermEnd >= day);
        if (Constituency.NormalizeCode(query.Constituency) is { } code) memberships = memberships.Where(m => m.ConstituencyCode == code);
        var list = await memberships.OrderBy(m => m.ConstituencyCode).ThenBy(m => m.Seat).ThenBy(m => m.TermStart).ToListAsync(ct);
        return TypedResults.Ok(list.Select(MembershipResponse.From).ToList());
    }

    private static async Task<Results<Ok<MembershipResponse>, ProblemHttpResult>> Get(Guid id, TrustFundDbContext db,
        CancellationToken ct) =>
        await db.CommitteeMemberships.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, ct) is { } membership
            ? TypedResults.Ok(MembershipResponse.From(membership))
            : ApiProblems.NotFound($"No committee membership has the id {id}.");

    private static async Task<Results<Created<MembershipResponse>, ProblemHttpResult>> Appoint(AppointMemberRequest request,
        ClaimsPrincipal user, TrustFundDbContext db, TimeProvider time, CancellationToken ct)
    {
        var constituency = request.Constituency is null ? null
            : await db.Constituencies.FindAsync([Constituency.NormalizeCode(request.Constituency) ?? ""], ct)
              ?? throw new InvalidChangeException("constituency", $"There is no constituency '{request.Constituency}'.");
        var represents = await RepresentationAsync(request, db, ct);
        var settings = await db.FundSettings.AsNoTracking().SingleAsync(ct);
        var userId = request.UserId!.Trim();
        var constituencyCode = constituency?.Code;
        // Every term of the person and of the seat; the domain decides which overlap the new one.
        var sameSeatOrPerson = await db.CommitteeMemberships.AsNoTracking()
            .Where(m => m.UserId == userId || (m.ConstituencyCode == constituencyCode && m.Seat == request.Seat))
            .ToListAsync(ct);

        var membership = CommitteeMembership.Appoint(userId, request.Name!, request.Role!.Value, constituency, request.Seat,
            represents, request.TermStart!.Value, request.TermEnd, settings.CommitteeTermMonths, sameSeatOrPerson,
            user.UserId(), time.GetUtcNow());
        db.CommitteeMemberships.Add(membership);
        await db.SaveChangesAsync(ct);
        var response = MembershipResponse.From(membership);
        return TypedResults.Created(response.Href, response);
    }

    private static async Task<Results<Ok<MembershipResponse>, ProblemHttpResult>> EndTerm(Guid id, EndTermRequest request,
        TrustFundDbContext db, CancellationToken ct)
    {
        var membership = await db.CommitteeMemberships.SingleOrDefaultAsync(m => m.Id == id, ct);
        if (membership is null) return ApiProblems.NotFound($"No committee membership has the id {id}.");
        membership.EndEarly(request.LastDay!.Value, request.Reason!, request.Version!.Value);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(MembershipResponse.From(membership));
    }

    private static async Task<Representation> RepresentationAsync(AppointMemberRequest request, TrustFundDbContext db,
        CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(request.Organization))
        {
            var code = request.Organization.Trim().ToUpperInvariant();
            var organization = await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Code == code, ct)
                               ?? throw new InvalidChangeException("organization", $"There is no organization '{request.Organization}'.");
            return Representation.OfOrganization(organization.Code, organization.Name);
        }

        if (!string.IsNullOrWhiteSpace(request.Country))
        {
            var code = request.Country.Trim().ToUpperInvariant();
            var country = await db.Countries.AsNoTracking().SingleOrDefaultAsync(c => c.Alpha3 == code, ct)
                          ?? throw new InvalidChangeException("country", $"There is no country '{request.Country}'.");
            return Representation.OfGovernment(country.Alpha3, country.Name);
        }

        return Representation.OfBody(request.Body!.Trim());
    }

    private static RepresentationResponse RepresentationOf(CommitteeMembership m) =>
        new(m.RepresentedKind, m.RepresentedCode, m.RepresentedName);
}
