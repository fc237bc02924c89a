"""Multi-step flows as data: declared steps and one generic step view.

A `Wizard` is a list of `Step`s kept in one flow-store entry (see `flows.py`). Each step names
its form, the condition under which it is shown, and whether its stored answer still fits the
other answers. One view serves every step: it loads the flow, sends a stale or forged step URL
to the first open step, validates, saves the answer and redirects to the next open step. The
review step ("Controleer uw antwoorden") is the last one; a "Wijzig" link from it leads to a
step and, once that is answered again, back to the review, because every other step is still
answered.

    wizard = Wizard("afspraak", steps=(...), endpoint="booking.step", review="controleren")

    @bp.route("/afspraak/<step>", methods=["GET", "POST"])
    def step(step: str):
        return wizard.handle(step)

A flow's answers live under `flow.data["antwoorden"][step.name]`; everything else in
`flow.data` belongs to the capability (an idempotency key, a notice for the next page).
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from flask import redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_wtf import FlaskForm

from app.core import flows

ANSWERS = "antwoorden"
Data = dict[str, Any]


def _always(data: Data) -> bool:
    return True


def _still_fits(answer: Data, data: Data) -> bool:
    return True


def go(url: str) -> ResponseReturnValue:
    """Redirect: 303 after a POST (post/redirect/get), 302 for a GET."""
    return redirect(url, 303 if request.method == "POST" else 302)


def form_answer(form: FlaskForm) -> Data:
    """Return what a form holds, without the CSRF token and buttons: the default answer."""
    skip = {"csrf_token", "submit"}
    return {name: value for name, value in form.data.items() if name not in skip}


@dataclass(frozen=True)
class Step:
    """One page of a flow.

    - `name`: the URL segment and the key of the answer.
    - `title`: the question, the page's h1 (a lazy string).
    - `form`: builds the step's form for the flow's answers so far (choices depend on them);
      called with `formdata` on POST and with the stored answer as `data` on GET.
    - `template`: the page; it gets `form`, `step`, `wizard`, `progress`, `back_url`, `answers`,
      plus what `context` returns.
    - `condition`: whether the step applies to these answers (a step for home visits only).
    - `fits`: whether a stored answer still fits the other answers (a location after the
      channel changed); a step whose answer no longer fits is open again.
    - `save`: turns a valid form into the stored answer (default: the form's fields). It may
      return a response instead (the review step books); it may raise `StepInvalid` to show
      the form again with an error at a field.
    - `returns_to`: the step a "Wijzig" link from here leads back to (default the review).
    """

    name: str
    title: Any
    form: Callable[[Data, Mapping[str, Any] | None], FlaskForm]
    template: str
    condition: Callable[[Data], bool] = _always
    fits: Callable[[Data, Data], bool] = _still_fits
    save: Callable[[FlaskForm, flows.Flow], Data | ResponseReturnValue] | None = None
    context: Callable[[flows.Flow, FlaskForm], Data] | None = None
    review: bool = False
    returns_to: str | None = None


class StepInvalid(Exception):
    """Raised by `Step.save` when a check beyond the form fails; shown at `field`."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


@dataclass
class Wizard:
    """A declared flow: its flow-store kind, its steps in order, and the step view's endpoint."""

    kind: str
    steps: tuple[Step, ...]
    endpoint: str
    on_start: Callable[[], Data] | None = None  # what a new flow holds besides its answers
    by_name: dict[str, Step] = field(init=False)

    def __post_init__(self) -> None:
        self.by_name = {s.name: s for s in self.steps}
        reviews = [s for s in self.steps if s.review]
        if len(reviews) != 1 or self.steps[-1] is not reviews[0]:
            raise ValueError(f"{self.kind}: the last step, and only that one, is the review")

    @property
    def review(self) -> Step:
        return self.steps[-1]

    # --- reading the answers -------------------------------------------------------------

    @staticmethod
    def answers(data: Data) -> Data:
        raw = data.get(ANSWERS)
        return raw if isinstance(raw, dict) else {}

    def visible(self, data: Data) -> list[Step]:
        """Return the steps that apply to these answers, in order."""
        return [s for s in self.steps if s.condition(data)]

    def is_answered(self, step: Step, data: Data) -> bool:
        answer = self.answers(data).get(step.name)
        return isinstance(answer, dict) and step.fits(answer, data)

    def first_open(self, data: Data) -> Step:
        """Return the first step without an answer that fits; the review when all are done."""
        for step in self.visible(data):
            if step.review or not self.is_answered(step, data):
                return step
        return self.review

    def progress(self, step: Step, data: Data) -> tuple[int, int]:
        """Return (number of this step, number of steps) for "Stap 3 van 7"."""
        shown = self.visible(data)
        return (shown.index(step) + 1 if step in shown else 1), len(shown)

    def previous(self, step: Step, data: Data) -> Step | None:
        shown = self.visible(data)
        if step not in shown:
            return None
        index = shown.index(step)
        return shown[index - 1] if index > 0 else None

    def reachable(self, step: Step, data: Data) -> bool:
        """A step may be shown when it applies and every step before it is answered."""
        shown = self.visible(data)
        return step in shown and shown.index(step) <= shown.index(self.first_open(data))

    # --- URLs ------------------------------------------------------------------------------

    def url(self, step: Step | str, **values: Any) -> str:
        name = step if isinstance(step, str) else step.name
        return url_for(self.endpoint, step=name, **values)

    def change_url(self, step: Step | str) -> str:
        """Return the "Wijzig" link for a step on the review page."""
        return self.url(step, wijzig=1)

    # --- the flow ----------------------------------------------------------------------------

    def load(self) -> flows.Flow | None:
        return flows.load(self.kind)

    def start(self, answers: Data | None = None) -> flows.Flow:
        """Start a new flow (replacing this session's flow of the kind) with some answers."""
        data = dict(self.on_start() if self.on_start else {})
        data[ANSWERS] = dict(answers or {})
        return flows.start(self.kind, data)

    def store(self, flow: flows.Flow, step: Step, answer: Data) -> None:
        """Store one step's answer. :raises flows.StaleFlow: on a second tab or double click."""
        answers = dict(self.answers(flow.data))
        answers[step.name] = answer
        flow.data[ANSWERS] = answers
        flows.save(flow)

    def next_url(self, flow: flows.Flow) -> str:
        return self.url(self.first_open(flow.data))

    # --- the one step view ---------------------------------------------------------------------

    def handle(self, name: str) -> ResponseReturnValue:
        """Show or save step `name`; anything out of order goes to the first open step."""
        flow = self.load() or self.start()
        step = self.by_name.get(name)
        if step is None or not self.reachable(step, flow.data):
            return go(self.next_url(flow))
        stored = self.answers(flow.data).get(step.name)
        shown = stored if isinstance(stored, dict) and request.method != "POST" else None
        form = step.form(flow.data, shown)
        if request.method == "POST" and form.validate_on_submit():
            try:
                outcome = step.save(form, flow) if step.save else form_answer(form)
            except StepInvalid as invalid:
                getattr(form, invalid.field).errors = [invalid.message]
                return self.render(step, flow, form)
            if not isinstance(outcome, dict):
                return outcome  # the step answered itself (the review step books)
            try:
                self.store(flow, step, outcome)
            except flows.StaleFlow:
                flow = self.load() or self.start()  # another tab saved first: go on from there
            return go(self.next_url(flow))
        return self.render(step, flow, form)

    def render(self, step: Step, flow: flows.Flow, form: FlaskForm) -> ResponseReturnValue:
        complete = self.first_open(flow.data) is self.review
        changing = request.args.get("wijzig") == "1" and complete and not step.review
        before = self.previous(step, flow.data)
        if changing:
            back_url: str | None = self.url(step.returns_to or self.review)
        else:
            back_url = self.url(before) if before else None
        extra = step.context(flow, form) if step.context else {}
        return render_template(
            step.template,
            form=form,
            step=step,
            wizard=self,
            flow=flow,
            answers=self.answers(flow.data),
            progress=self.progress(step, flow.data),
            back_url=back_url,
            title=str(step.title),
            **extra,
        )
