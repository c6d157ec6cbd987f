from __future__ import annotations

from datetime import UTC, datetime

from fastapi import APIRouter, Depends
from sqlalchemy import case, func, select

from api.auth.deps import AUTH_RESPONSES, EditorDep
from api.db import SessionDep
from api.errors import TooManyRequests, responses
from api.feedback.limit import enforce_feedback_limit
from api.feedback.models import Rating
from api.feedback.schemas import RatingIn, RatingOut, RatingSummary

router = APIRouter(tags=["feedback"])

RATE_RESPONSES = responses(
    TooManyRequests, notes={429: "For mange vurderinger fra klientens adresse inden for vinduet"}
)
RATE_RESPONSES[429]["headers"] = {
    "Retry-After": {"description": "Sekunder til der må sendes igen", "schema": {"type": "integer"}}
}


@router.post(
    "/api/feedback",
    status_code=201,
    response_model=RatingOut,
    summary="Borgerens vurdering af et svar (ingen fritekst gemmes)",
    dependencies=[Depends(enforce_feedback_limit)],
    responses=RATE_RESPONSES,
)
def rate_answer(body: RatingIn, session: SessionDep) -> RatingOut:
    rating = Rating(
        answer_id=body.answer_id,
        intent=body.intent,
        helpful=body.helpful,
        created_at=datetime.now(UTC),
    )
    session.add(rating)
    session.commit()
    return RatingOut(
        id=rating.id, answer_id=rating.answer_id, intent=rating.intent, helpful=rating.helpful
    )


@router.get(
    "/api/staff/feedback",
    response_model=list[RatingSummary],
    responses=AUTH_RESPONSES,
    summary="Vurderinger pr. svar",
)
def rating_summary(session: SessionDep, _user: EditorDep) -> list[RatingSummary]:
    helpful = func.sum(case((Rating.helpful.is_(True), 1), else_=0))
    not_helpful = func.sum(case((Rating.helpful.is_(False), 1), else_=0))
    rows = session.execute(
        select(Rating.answer_id, helpful, not_helpful)
        .group_by(Rating.answer_id)
        .order_by(Rating.answer_id)
    )
    return [RatingSummary(answer_id=a, helpful=h or 0, not_helpful=n or 0) for a, h, n in rows]
