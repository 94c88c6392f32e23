using FluentValidation;
using TrustFundManager.Domain.Committee;

namespace TrustFundManager.Application.Committee;

/// <summary>
/// An appointment: a member takes a seat of a constituency; the chair and attendees take none. Whom the person
/// represents is one of an organization (its code), a government (its country) or another body (its name).
/// </summary>
public sealed record AppointMemberRequest(
    string? UserId,
    string? Name,
    CommitteeRole? Role,
    string? Constituency,
    int? Seat,
    string? Organization,
    string? Country,
    string? Body,
    DateOnly? TermStart,
    DateOnly? TermEnd);

public sealed class AppointMemberRequestValidator : AbstractValidator<AppointMemberRequest>
{
    public AppointMemberRequestValidator()
    {
        RuleFor(r => r.UserId).NotEmpty().MaximumLength(CommitteeMembership.UserIdMaxLength);
        RuleFor(r => r.Name).NotEmpty().MaximumLength(CommitteeMembership.NameMaxLength);
        RuleFor(r => r.Role).NotNull().IsInEnum();
        RuleFor(r => r.TermStart).NotNull();
        RuleFor(r => r.Body).MaximumLength(CommitteeMembership.RepresentsMaxLength);
        RuleFor(r => r).Must(r => new[] { r.Organization, r.Country, r.Body }.Count(v => !string.IsNullOrWhiteSpace(v)) == 1)
            .OverridePropertyName("represents")
            .WithMessage("Give exactly one of 'organization', 'country' or 'body': whom the person represents.");
    }
}

public sealed record EndTermRequest(DateOnly? LastDay, string? Reason, Guid? Version);

public sealed class EndTermRequestValidator : AbstractValidator<EndTermRequest>
{
    public EndTermRequestValidator()
    {
        RuleFor(r => r.LastDay).NotNull();
        RuleFor(r => r.Reason).NotEmpty().MaximumLength(CommitteeMembership.EndReasonMaxLength);
        RuleFor(r => r.Version).NotNull().WithMessage("Send the version of the membership you read.");
    }
}

public sealed record MembershipQuery
{
    public DateOnly? AsOf { get; init; }
    public string? Constituency { get; init; }
}

public sealed record RepresentationResponse(RepresentationKind Kind, string Code, string Name);

public sealed record MembershipResponse(
    Guid Id,
    string UserId,
    string Name,
    CommitteeRole Role,
    string? Constituency,
    int? Seat,
    RepresentationResponse Represents,
    DateOnly TermStart,
    DateOnly TermEnd,
    string? EndReason,
    Guid Version,
    string Href)
{
    public static MembershipResponse From(CommitteeMembership m) => new(m.Id, m.UserId, m.Name, m.Role,
        m.ConstituencyCode, m.Seat, new RepresentationResponse(m.RepresentedKind, m.RepresentedCode, m.RepresentedName),
        m.TermStart, m.TermEnd, m.EndReason, m.Version, CommitteeLinks.Membership(m.Id));
}

/// <summary>Who holds a seat on the day asked about; the holder's sign-in id is not shown here.</summary>
public sealed record SeatHolderResponse(Guid MembershipId, string Name, RepresentationResponse Represents, DateOnly TermStart,
    DateOnly TermEnd, bool TermEndsWithin90Days);

public sealed record SeatResponse(int Seat, SeatHolderResponse? Holder, bool Vacant);

public sealed record ConstituencyCompositionResponse(string Code, string Name, int Seats, int Vacancies,
    IReadOnlyList<SeatResponse> SeatHolders);

public sealed record NonVotingResponse(Guid MembershipId, string Name, CommitteeRole Role, RepresentationResponse Represents,
    DateOnly TermStart, DateOnly TermEnd);

public sealed record CompositionResponse(
    DateOnly AsOf,
    int Seats,
    int Members,
    int Vacancies,
    IReadOnlyList<ConstituencyCompositionResponse> Constituencies,
    IReadOnlyList<NonVotingResponse> ChairAndAttendees,
    IReadOnlyList<SeatHolderResponse> TermsEndingWithin90Days);
