using Microsoft.EntityFrameworkCore;
using TrustFundManager.Application.Access;
using TrustFundManager.Application.Common;
using TrustFundManager.Domain.Committee;
using TrustFundManager.Domain.Common;
using TrustFundManager.Domain.ReferenceData;
using TrustFundManager.Infrastructure.Data;
using TrustFundManager.Workflows;

namespace TrustFundManager.Application.Committee;

/// <summary>
/// The committee's membership: who holds which seat when. Anyone signed in sees the composition; the committee, the
/// FMU and administrators read the memberships; the FMU and administrators appoint members and end terms.
/// </summary>
public sealed class MembershipUseCases(TrustFundDbContext db, TimeProvider time)
{
    private const int TermEndingSoonDays = 90;

    /// <summary>Who holds each seat on <paramref name="asOf"/> (today by default), the vacancies and the terms ending soon.</summary>
    public async Task<CompositionResponse> CompositionAsync(DateOnly? asOf, WorkflowActor actor, CancellationToken ct)
    {
        actor.Require(AccessPolicies.SignedIn);
        var day = ReportingDay.Resolve(asOf, time);
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

        return new CompositionResponse(day, byConstituency.Sum(c => c.Seats), members.Count,
            byConstituency.Sum(c => c.Vacancies), byConstituency,
            serving.Where(m => m.Role != CommitteeRole.Member).OrderBy(m => m.Role)
                .Select(m => new NonVotingResponse(m.Id, m.Name, m.Role, RepresentationOf(m), m.TermStart, m.TermEnd)).ToList(),
            members.Where(m => m.TermEnd <= day.AddDays(TermEndingSoonDays)).OrderBy(m => m.TermEnd).Select(Holder).ToList());
    }

    /// <summary>Every membership, or those serving on a day, optionally of one constituency.</summary>
    public async Task<List<MembershipResponse>> ListAsync(MembershipQuery query, WorkflowActor actor, CancellationToken ct)
    {
        actor.Require(AccessPolicies.ReadCommittee);
        ReportingDay.Check(query.AsOf);
        var memberships = db.CommitteeMemberships.AsNoTracking();
        if (query.AsOf is { } day) memberships = memberships.Where(m => m.TermStart <= day && m.TermEnd >= day);
        if (Constituency.NormalizeCode(query.Constituency) is { } code) memberships = memberships.Where(m => m.ConstituencyCode == code);
        var list = await memberships.OrderBy(m => m.ConstituencyCode).ThenBy(m => m.Seat).ThenBy(m => m.TermStart).ToListAsync(ct);
        return list.Select(MembershipResponse.From).ToList();
    }

    public async Task<MembershipResponse> GetAsync(Guid id, WorkflowActor actor, CancellationToken ct)
    {
        actor.Require(AccessPolicies.ReadCommittee);
        return await db.CommitteeMemberships.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, ct) is { } membership
            ? MembershipResponse.From(membership)
            : throw new NotFoundException(NotFound(id));
    }

    /// <summary>Appoints a member to a free seat for a term, or records the chair or an attendee.</summary>
    public async Task<MembershipResponse> AppointAsync(AppointMemberRequest request, WorkflowActor actor, CancellationToken ct)
    {
        actor.Require(AccessPolicies.ManageCommittee);
        var constituency = request.Constituency is null ? null
            : await db.Constituencies.FindAsync([Constituency.NormalizeCode(request.Constituency) ?? ""], ct)
              ?? throw new InvalidChangeException("constituency", $"There is no constituency '{request.Constituency}'.");
        var represents = await RepresentationAsync(request, ct);
        var settings = await db.FundSettings.AsNoTracking().SingleAsync(ct);
        var userId = request.UserId!.Trim();
        var constituencyCode = constituency?.Code;
        // Every term of the person and of the seat; the domain decides which overlap the new one.
        var sameSeatOrPerson = await db.CommitteeMemberships.AsNoTracking()
            .Where(m => m.UserId == userId || (m.ConstituencyCode == constituencyCode && m.Seat == request.Seat))
            .ToListAsync(ct);

        var membership = CommitteeMembership.Appoint(userId, request.Name!, request.Role!.Value, constituency, request.Seat,
            represents, request.TermStart!.Value, request.TermEnd, settings.CommitteeTermMonths, sameSeatOrPerson,
            actor.UserId, time.GetUtcNow());
        db.CommitteeMemberships.Add(membership);
        await db.SaveChangesAsync(ct);
        return MembershipResponse.From(membership);
    }

    /// <summary>
    /// Ends a term before its planned end (today at the earliest), with the reason; the seat is free from the next day.
    /// </summary>
    public async Task<MembershipResponse> EndTermAsync(Guid id, EndTermRequest request, WorkflowActor actor,
        CancellationToken ct)
    {
        actor.Require(AccessPolicies.ManageCommittee);
        var membership = await db.CommitteeMemberships.SingleOrDefaultAsync(m => m.Id == id, ct)
                         ?? throw new NotFoundException(NotFound(id));
        var lastDay = request.LastDay!.Value;
        membership.EndEarly(lastDay, request.Reason!, request.Version!.Value, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
        // Open ballots learn the new last day: they stop waiting for the member once it passes (see Ballot.TallyOf).
        var open = await db.Ballots.Include(b => b.Papers)
            .Where(b => b.Status == BallotStatus.Open && b.Papers.Any(p => p.MembershipId == id))
            .ToListAsync(ct);
        foreach (var ballot in open) ballot.EndTermOf(id, lastDay);
        await db.SaveChangesAsync(ct);
        return MembershipResponse.From(membership);
    }

    private static string NotFound(Guid id) => $"No committee membership has the id {id}.";

    private async Task<Representation> RepresentationAsync(AppointMemberRequest request, CancellationToken ct)
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
