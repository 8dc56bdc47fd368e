"""Is the message about children missing education, attendance, admission registers or the
safeguarding procedure around them? Out-of-scope topics are refused with a one-line pointer."""

from __future__ import annotations

import re

from guardrails.names import CorpusNames
from guardrails.text import fold

POINTER = ("I can help with children missing education: leaver reasons (deletion grounds), deadlines, "
           "attendance and admission registers, CME referrals and your authority's procedure.")

IN_SCOPE = re.compile(  # word starts: plurals and endings count ("schools", "registered")
    r"\b(cme|missing (from )?education|children missing|off[- ]roll|on roll|roll|register(ed|s)?|admission|attendance|absen(t|ce)|"
    r"truan|leaver|leaving|deletion|delete|de-?roll|ground|regulation|school attendance order|\bsao\b|home educat|\behe\b|"
    r"eotas|elective|exclu(ded|sion)|safeguard|\bdsl\b|\bmash\b|front door|social worker|child protection|\bcp\b|looked after|"
    r"\bcla\b|\blac\b|whereabouts|enquir|referr|local authority|\bla\b|council|pupil|school|child|children|education|"
    r"compulsory school age|(school |half |summer |autumn |spring |this |last |next )term|term[- ]time|term dates|leave of absence|code [a-z]\b|\bupn\b|ctf|s2s|lost pupil|in[- ]year|transfer|fgm|forced marriage|"
    r"traffick|exploit|radicali|policy|guidance|deadline|return|famil|parent|mum\b|dad\b|carer|moving|moved|abroad|"
    r"new school|enrol|year \d|reception|nursery|sixth form|post[- ]?16|head ?teacher|governor|academy|pru\b|"
    r"ofsted|application|place\b|transition|coded?\b|session|y\d{1,2}\b|remov(e|al|ing)|take (him|her|them) off|taking (him|her|them) off|"
    # (an authority's name alone is not enough: "the big Tesco in Barking"; its CME meetings are)
    r"missing mondays|virtual school|\bvs\b|county\b|suspen(d|sion)|\bwasp\b|"
    # the people and meetings a CME case passes through ("Derbyshire's Complex Case Panel")
    r"complex case|\bpanel\b|escalat|multi[- ]agency|co-?ordinator|attend(s|ing|ed)?\b|early help|\bewo\b|education welfare|\bccas\b|"
    # a pupil's reduced hours ("how long can a part-time timetable run before it is reviewed?")
    r"(part[- ]time|reduced|modified|flexible|personalised) timetable|"
    # a service's contact details ("Phone number for Starting Point please"): the policies list contacts,
    # so a miss is "not in the documents", not "outside what I help with"
    r"(phone|telephone|contact) (number|no|details)|e-?mail address|"
    # a terse note about one pupil ("yr 9 lad off sick since mon"): no policy word, still a school matter
    r"students?|lads?|boys?|girls?|kids?|sons?|daughters?|yr ?\d{1,2}|sick|illness|ill\b|hospital|ehcp)"
)
OUT_TOPICS = re.compile(
    # (not "shares", "stock" or "invest" alone: "the school shares the referral with the LA")
    r"\b(recipe|cook(ing)?|bake|weather|forecast|poem|poetry|song|lyrics|joke|stock market|stocks and shares|(buy|sell|buying|selling) shares|share price|crypto|bitcoin|investing|investment advice|"
    r"football|cricket|celebrity|film|movie|netflix|holiday (booking|deal)|book (a )?(flight|hotel)|"
    # (not "what's the code for a pupil on remand?": a register code)
    r"python|javascript|sql|(write|writing) (me )?(some |the )?code\b|write (a|me) (program|script|function)|spreadsheet formula|excel formula|"
    r"homework|algebra|equation|essay|ucas|dinner menu|lunch menu|school dinners|canteen|"
    r"pay scale|salary|salaries|pension|payslip|hr dispute|grievance|disciplinary|ofsted (grade|rating|inspection)|"
    r"dating|horoscope|lottery|car insurance|mortgage|all-inclusive|cheap holiday|"
    r"minibus|mot\b|brakes|council tax|parking|bin collection|leggings|pe kit|dress code|haircut|"
    r"playlist|disco|prom|quantum|physics|chemistry|limerick|risk assessment|climbing)\b"
)
# Topics that are off the subject on their own but turn up in a pupil's story ("diagnosed with
# anxiety", "flights booked for the whole of June", "staying with an adult cousin"): refused only
# when nothing in the message is about a pupil.
SOFT_OUT_TOPICS = re.compile(
    r"\b(flights?|hotel|symptoms?|diagnos\w*|medication|prescription|dose|rash|headache|adult|elderly|university|"
    r"holiday to|vehicle|cars?|party|story|translate|uniform|excel|school trip|residential trip)\b"
)
PUPIL_CONTEXT = re.compile(
    r"\b(pupils?|students?|child|children|son|daughter|boy|girl|lad|kids?|mum|dad|parents?|year \d{1,2}|yr ?\d{1,2}|y\d{1,2}|"
    r"attend\w*|absen\w*|off school|off sick|register\w*|roll|school|academy|la|local authority|council)\b"
)
CORE = re.compile(r"\b(cme|missing (from )?education|children missing|off[- ]roll|attendance|absen|deletion|admission register|"
                  r"leaver|safeguard|home educat|whereabouts|leave of absence|school attendance order|exclu|de-?roll|"
                  r"(removal|removing|remove (him|her|them)) from (the )?(roll|register)|take (him|her|them) off|taking (him|her|them) off|"
                  r"reason code|(which|what) (leaver |leaving |deletion )?(code|reason|ground)|deletion ground|"
                  # a register mark ("a session coded N", "when must that code be replaced?")
                  r"coded (as )?[a-z]\b|(attendance|register|absence) codes?|"
                  # "five children missed Thursday; the office put them down as C. Is that the right code?"
                  r"(put|marked|recorded|entered) (\w+ ){0,3}(down )?as [a-z]\d?\b|(right|correct) (attendance |register )?code\b|"
                  # a pupil's death is a register matter, however it happened ("died in a car crash")
                  r"died|passed away|death|"
                  # asking for time out of school in term ("2 weeks out in February for her dad's 80th party")
                  r"time off|(weeks?|days?) (out|off)\b|out of school|tak(e|ing) (him|her|them) out|special leave|extended leave|"
                  r"(holiday|leave) (in|during) term|term[- ]time (holiday|leave))")


def out_of_scope(message: str, names: CorpusNames | None = None) -> bool:
    """``names``: the services, teams and places the policies name; a message using one is about them."""
    t = fold(message)
    if OUT_TOPICS.search(t) and not CORE.search(t):
        return True
    if SOFT_OUT_TOPICS.search(t) and not CORE.search(t) and not PUPIL_CONTEXT.search(t):
        return True
    return not IN_SCOPE.search(t) and len(t.split()) >= 3 and not (names is not None and names.found_in(message))
