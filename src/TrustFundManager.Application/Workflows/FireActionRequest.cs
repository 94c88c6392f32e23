using FluentValidation;
using TrustFundManager.Workflows.Instances;

namespace TrustFundManager.Application.Workflows;

/// <summary>
/// An optional comment (required by some actions), and optionally the <c>version</c> of the instance the caller
/// read: a step taken since (someone else's, or the caller's own double click) then answers 409.
/// </summary>
public sealed record FireActionRequest(string? Comment, Guid? Version);

public sealed class FireActionRequestValidator : AbstractValidator<FireActionRequest>
{
    public FireActionRequestValidator() =>
        RuleFor(r => r.Comment).MaximumLength(WorkflowJournalEntry.CommentMaxLength);
}
