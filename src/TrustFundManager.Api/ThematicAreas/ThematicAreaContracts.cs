using FluentValidation;
using TrustFundManager.Domain.ReferenceData;

namespace TrustFundManager.Api.ThematicAreas;

public sealed record ObjectiveSummary(int Number, string Title);

public sealed record ThematicAreaResponse(int Number, string Title, string? Description,
    IReadOnlyList<ObjectiveSummary> Objectives);

public sealed record UpdateThematicAreaRequest(string? Title, string? Description);

public sealed record RemapThematicAreasRequest(IReadOnlyList<AreaObjectives>? Areas);

public sealed record AreaObjectives(int? Number, IReadOnlyList<int>? ObjectiveNumbers);

public sealed class UpdateThematicAreaRequestValidator : AbstractValidator<UpdateThematicAreaRequest>
{
    public UpdateThematicAreaRequestValidator()
    {
        RuleFor(r => r.Title).NotEmpty().MaximumLength(ThematicArea.TitleMaxLength);
        RuleFor(r => r.Description).MaximumLength(ThematicArea.DescriptionMaxLength);
    }
}

public sealed class RemapThematicAreasRequestValidator : AbstractValidator<RemapThematicAreasRequest>
{
    public RemapThematicAreasRequestValidator()
    {
        RuleFor(r => r.Areas).NotEmpty().WithMessage("List every thematic area with its objectives.");
        RuleForEach(r => r.Areas).NotNull().ChildRules(area =>
        {
            area.RuleFor(a => a.Number).NotNull().GreaterThan(0);
            area.RuleFor(a => a.ObjectiveNumbers).NotNull()
                .Must(numbers => numbers is null || numbers.Distinct().Count() == numbers.Count)
                .WithMessage("An objective is listed twice in the same area.");
        });
    }
}
