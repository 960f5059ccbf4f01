"""Deadlines: the grammar of Swedish date expressions and the choice of a paragraph's deadline.

The oracle is the Nacka memo (KFKS 2012/577-001): every paragraph below is copied from it,
without the italic status note that follows an action (the segmenter splits notes off).
"""

import datetime as dt
import random
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from styr.extract.deadlines import PRECISIONS, Deadline, find_deadline, parse_expression
from styr.extract.deadlines.grammar import _EXPRESSION, _expressions

D = dt.date

# --------------------------------------------------------------------------------------------
# The memo's paragraphs, verbatim

MEMO_MAL = (
    "Förslag på nya övergripande mål och strategiska mål utvecklas under våren 2015 av "
    "kommunstyrelsen. Under samma period tas förslag om en utvecklad mål- och "
    "budgetprocess fram. Ansvariga direktörer för att stödja i detta arbete är Eva Olin, "
    "Lena Dahlstedt och Klara Palmberg Broryd."
)

MEMO_VA = (
    "En extern utredning av om kommunen ska bilda ett VA-bolag ska göras under våren 2015 "
    "för genomförande senast 2016. Ansvariga direktörer är Lena Dahlstedt och Dag "
    "Björklund."
)

MEMO_CHEFSNIVAER = (
    "En översyn av chefsnivåer i Nacka ska ske under 2015 med fokus framförallt på "
    "gruppchefsnivån. Modellen för resultatkontrakt för chefer ska utvecklas under våren "
    "2015. Ansvarig är personaldirektör Elisabeth Carle."
)

MEMO_SMART = (
    "Under våren 2015 startades arbetet med Smart kommun. Syftet med smart-arbetet är att "
    "förenkla för nackaborna och effektivisera processer. Smart-arbetet ska vara en "
    "pådrivande kraft i att öka fokus på medborgarnas behov, förbättra samspelet i "
    "organisationen, ta bort byråkratiska hinder, utveckla arbetssätt och kommunicera så "
    "att allt som görs sker utifrån invånarnas perspektiv. Att använda digitaliseringens "
    "möjligheter är en förutsättning för att lyckas. Ansvariga är strategi- och "
    "förnyelsedirektör Klara Palmberg Broryd och administrativ direktör Mats Boman."
)

MEMO_LEDNINGSGRUPP = (
    "Under hösten 2015 genomförs en genomlysning av stadsdirektörens ledningsgrupp och "
    "respektive direktör i syfte att utveckla och utforma ledningsgruppen och dess uppdrag "
    "för att motsvara framtida utmaningar. Ansvarig är stadsdirektör Lena Dahlstedt med "
    "stöd av extern konsult."
)

MEMO_RESULTATKONTRAKT = (
    "Alla chefer i Nacka ska ha tydliga resultatkontrakt enligt den modell som "
    "stadsdirektören har. Stadsdirektören ansvarar för att alla direktörer har detta. "
    "Respektive direktör ansvarar för att enhetscheferna/verksamhetscheferna och "
    "rektorerna har det. Alla resultatkontrakt ska vara klara senast den 31 december 2015. "
    "Personaldirektör Elisabeth Carle har ett särskilt ansvar att stödja och följa upp "
    "arbetet."
)

MEMO_KVALITET = (
    "Nacka kommun deltar från och med 2015 i ett nationellt kvalitetsnätverk för kommuner "
    "som deltagit i den så kallade Kvalitetskompassen. Nätverk består av flera delar, dels "
    "ett nätverk för kommundirektörer och övergripande ledning, dels ett nätverk för "
    "kvalitetsansvariga i olika verksamheter. För att stödja kvalitetsutvecklingsarbetet "
    "kommer Nacka även att ordna ett internt kvalitetsnätverk mellan olika verksamheter. "
    "Ansvarig för samordning är strategi och förnyelsedirektör Klara Palmberg Broryd."
)

MEMO_CHEFSMOTEN = (
    "Från och med hösten 2015 utvecklas stadsdirektörens chefsmöten med alla chefer. Den "
    "utmaning kommunen står inför kräver mer regelbundna och effektiva möten. Det är också "
    "viktigt att alla chefer deltar för att få en samsyn i ledning och styrning av "
    "kommunens verksamheter, därför blir mötena obligatoriska. Under hösten prövas "
    "modellen med frukostmöten tre gånger per halvår, där ett möte är för alla chefer och "
    "två möten är för chefer i stadshuset. För våren planeras två frukostmöten och ett "
    "halvdagsmöte med middag med utdelning av chefspriser. Ansvarig är stadsdirektör Lena "
    "Dahlstedt och personaldirektör Elisabeth Carle. Förnyelseenheten stödjer och "
    "samordnar chefsmötena med enhetschefen Kersti Hedqvist som ansvarig."
)

MEMO_KONTAKTCENTER = (
    "Kontaktcenter blir från 1 september 2015 ansvarig för mottagningsgruppen som hanterar "
    "frågor om ekonomiskt bistånd. De kommer att arbeta i nära samverkan med den ansvariga "
    "enheten inom arbets- och företagsnämndens ansvarsområde. Kontaktcenter kommer inte "
    "bara att ge råd och vägledning vad gäller ekonomiskt bistånd utan även se till att "
    "ansökningar om bistånd är korrekt ifyllda så att man kan få svar snabbt på sin "
    "ansökan. Därtill kommer de även att fatta beslut om vissa former av ekonomiskt "
    "bistånd vid första kontakt."
)

MEMO_NY_TJANST = (
    "En ny tjänst som strategi- och förnyelsedirektör inrättas från och med den 1 januari "
    "2015. Den nya direktörsfunktionen får i uppdrag att driva och stödja strategiska "
    "förnyelseprocesser för styrningen av kommunen som helhet. I detta ingår att fokusera "
    "på utveckling av kommunens strategiska styrprocesser som ägardialog, omvärldsspaning "
    "och analys, mål- och resultatstyrning, uppföljning och utvärdering och ständig "
    "förnyelse. Arbetet ska ske i nära samråd med stadsdirektören och ledningsgruppen samt "
    "den politiska ledningen av kommunen. Tjänsten kommer att innehas av Klara Palmberg "
    "Broryd, som nu arbetar som stadsutvecklingsstrateg, direkt underställd "
    "stadsdirektören."
)

MEMO_MARKFRAGOR = (
    "Markfrågorna flyttar från mark- och exploateringsenheten till nuvarande byggenheten "
    "den 1 januari 2015, som ombildas till enheten för fastighetsutveckling. Enhetschef är "
    "Lars Nylund och ansvarig direktör är fastighetsdirektör Jenny Asmundsson. Mark- och "
    "exploateringsenheten byter namn till exploateringsenheten."
)

MEMO_EXPLOATERING = (
    "Ny målsättning och organisation för exploateringsverksamheten utvecklas med fokus på "
    "tid, ekonomi och effektivitet samt på att utveckla projektstödet till projektledare "
    "inom plan- och exploateringsområdet. En särskild utredning som ska lägga grund för "
    "detta görs under november-december 2014. En ny organisation ska kunna träda i kraft "
    "under våren 2015. Ansvarig är stadsbyggnadsdirektör Gunilla Glantz."
)

MEMO_SOCIALNAMND = (
    "Ny socialnämnd och ny äldrenämnd inrättas från och med den 1 januari. Socialnämnden "
    "ska ha ett socialutskott. En översyn av det sociala området och äldreområdet pågår "
    "under november-december 2014. Därefter fattas beslut om eventuell ny organisation. "
    "Sociala ekonomienheten avvecklas från årsskiftet. Ansvarig är social- och "
    "äldredirektör Anders Fredriksson."
)

MEMO_MILJO = (
    "Miljö- och stadsbyggnadsnämnden ska ha ett myndighetsutskott med delegation att fatta "
    "beslut i ärenden som utgör myndighetsutövning mot enskild, i enlighet med av nämnden "
    "antagen delegationsordning. En översyn av miljö- och stadsbyggnadsorganisationen "
    "beräknas vara klar till årsskiftet 2014/2015, ansvarig är stadsbyggnadsdirektör "
    "Gunilla Glantz."
)

MEMO_TERRITORIE = (
    "En ny enhet för strategisk ledning och styrning för den samlade "
    "territorieutvecklingen utreds under november-december 2014 och inrättas per den 1 "
    "januari 2015, inom ramen för stadsbyggnadsdirektören Gunilla Glantz ansvar."
)

MEMO_IDROTT = (
    "Idrottsdriften får ett tydligare uppdrag och flyttar till produktionsområdet Valfärd "
    "samhälls-service från den 1 januari 2015. Ansvariga direktörer är Malin Westerback "
    "och Anette Böe."
)

MEMO_UTBILDNING = (
    "Utbildning erbjuds nya ledamöter och ersättare i fullmäktige under första kvartalet "
    "2015. Ansvariga tjänstemän för detta är Lena Dahlstedt och Helena Meier."
)

MEMO_TEKNIKSTAB = (
    "Teknik- och stadsbyggnadsstaben ses över under våren 2015 med målsättningen att de "
    "olika funktionerna kan infogas i ordinarie stödenheter. Ansvariga direktörer för "
    "genomförandet är Gunilla Glantz, Dag Björklund och Jenny Asmundsson."
)

MEMO_STADSJURIST = (
    "Stadsjurist Helena Meier är ansvarig för att ta fram eventuella beslutsunderlag med "
    "anledning av detta ärende."
)

MEMO_UTVECKLINGSARBETET = (
    "Utvecklingsarbetet beräknas pågå under 2015 – 2016 med löpande rapportering till "
    "kommunstyrelsen."
)

MEMO_SAMMANFATTNING = (
    "Stadsdirektörens arbete för att utveckla styrning och ledning för öppenhet och "
    "mångfald fortsätter. Kommunstyrelsen noterade den nya inriktningen för 2015 – 2017 i "
    "december 2014. I detta ärende redovisas en lägesrapport och fortsatt handlingsplan."
)

MEMO_ARENDET = (
    "Kommunstyrelsen noterade stadsdirektörens nya inriktning och plan för ledning och "
    "styrning för öppenhet och mångfald perioden 2015-2017 i december 2014. I ärendet "
    "noterades att en handlingsplan med förslag till ytterligare åtgärder skulle tas fram "
    "och att utvecklingsarbetet skulle redovisas löpande till kommunstyrelsen. Detta "
    "ärende innehåller bägge delarna."
)

MEMO_KOMMUNIKATION = (
    "Det samlade kommunikationsarbetet behöver utvecklas i syfte att kommunen ska bli mer "
    "öppen, aktiv och proaktiv. Under våren 2015 genomfördes en översyn av "
    "kommunikationsområdet genom extern konsult. Denna resulterade i en slutrapport och "
    "förslag till åtgärder som kommer att genomföras från hösten 2015. Rapporten "
    "sammanfattade: Det råder en betydande oklarhet kring Nacka kommuns kommunikation. "
    "Många av de intervjuade menar att det saknas klara mål, tydlig styrning och "
    "strategisk kraft i kommunikationen. Fortsatt utveckling av kommunikationsområdet "
    "måste ta fasta på detta och utveckla ledning och styrning. Flera av de föreslagna "
    "åtgärderna i rapporten bör genomföras så snart som möjligt under hösten 2015 t.ex. "
    "att utveckla en kommunikationsplattform, utveckla samarbete och planering, involvera "
    'medarbetarna och skapa en "nyhetsredaktion" för hantering av nyheter i olika kanaler. '
    "En kortversion av rapporten och konsultens förslag på åtgärder redovisas i bilaga 2. "
    "Ansvarig är stadsdirektör Lena Dahlstedt i nära samspel med samtliga direktörer i "
    "ledningsgruppen."
)

MEMO_MAL_NOTE = (
    "Arbetet pågår, beräknas vara klart på övergripande nivå till mål och budget 2016-218."
)

# --------------------------------------------------------------------------------------------
# The oracle

MEMO_ORACLE = [
    pytest.param(MEMO_MAL, ("under våren 2015", D(2015, 6, 30), "season"), id="mal"),
    pytest.param(MEMO_VA, ("senast 2016", D(2016, 12, 31), "year"), id="va-bolag"),
    pytest.param(MEMO_CHEFSNIVAER, ("under 2015", D(2015, 12, 31), "year"), id="chefsnivaer"),
    pytest.param(
        MEMO_KOMMUNIKATION, ("under hösten 2015", D(2015, 12, 31), "season"), id="kommunikation"
    ),
    pytest.param(MEMO_SMART, None, id="smart-kommun-past-tense"),
    pytest.param(
        MEMO_LEDNINGSGRUPP, ("Under hösten 2015", D(2015, 12, 31), "season"), id="ledningsgrupp"
    ),
    pytest.param(
        MEMO_RESULTATKONTRAKT,
        ("senast den 31 december 2015", D(2015, 12, 31), "day"),
        id="resultatkontrakt",
    ),
    pytest.param(MEMO_KVALITET, None, id="kvalitet-start"),
    pytest.param(MEMO_CHEFSMOTEN, None, id="chefsmoten-start"),
    pytest.param(MEMO_KONTAKTCENTER, None, id="kontaktcenter-start"),
    pytest.param(MEMO_NY_TJANST, None, id="ny-tjanst-start"),
    pytest.param(MEMO_MARKFRAGOR, ("den 1 januari 2015", D(2015, 1, 1), "day"), id="markfragor"),
    pytest.param(
        MEMO_EXPLOATERING, ("under våren 2015", D(2015, 6, 30), "season"), id="exploatering"
    ),
    pytest.param(
        MEMO_SOCIALNAMND,
        ("under november-december 2014", D(2014, 12, 31), "month"),
        id="socialnamnd",
    ),
    pytest.param(MEMO_MILJO, ("till årsskiftet 2014/2015", D(2014, 12, 31), "month"), id="miljo"),
    pytest.param(
        MEMO_TERRITORIE, ("per den 1 januari 2015", D(2015, 1, 1), "day"), id="territorie"
    ),
    pytest.param(MEMO_IDROTT, None, id="idrott-start"),
    pytest.param(
        MEMO_UTBILDNING,
        ("under första kvartalet 2015", D(2015, 3, 31), "quarter"),
        id="utbildning",
    ),
    pytest.param(MEMO_TEKNIKSTAB, ("under våren 2015", D(2015, 6, 30), "season"), id="teknikstab"),
    pytest.param(MEMO_STADSJURIST, None, id="stadsjurist-no-date"),
    pytest.param(
        MEMO_UTVECKLINGSARBETET,
        ("under 2015 – 2016", D(2016, 12, 31), "year"),
        id="utvecklingsarbetet-period",
    ),
    pytest.param(MEMO_SAMMANFATTNING, None, id="sammanfattning-noterade"),
    pytest.param(MEMO_ARENDET, None, id="arendet-noterade-och"),
]


def as_tuple(deadline: Deadline | None):
    return deadline and (deadline.text, deadline.date, deadline.precision)


@pytest.mark.parametrize(("paragraph", "expected"), MEMO_ORACLE)
def test_memo_oracle(paragraph, expected):
    assert as_tuple(find_deadline(paragraph)) == expected


@pytest.mark.parametrize(("paragraph", "expected"), MEMO_ORACLE)
def test_memo_oracle_with_the_memo_year_as_default(paragraph, expected):
    """The segmenter passes the document's year: yearless phrases must not change the answer.

    "Från och med hösten 2015 ... Under hösten prövas modellen ..." stays None: the yearless
    "Under hösten" is the autumn the work starts. "inrättas från och med den 1 januari" and
    "avvecklas från årsskiftet" (socialnämnd) are start dates.
    """
    assert as_tuple(find_deadline(paragraph, default_year=2015)) == expected


def test_memo_status_note_with_the_typo():
    assert parse_expression("2016-218") == (D(2018, 12, 31), "year")
    deadline = find_deadline(MEMO_MAL_NOTE)
    assert deadline is not None
    assert deadline.text == "2016-218"
    assert (deadline.date, deadline.precision) == (D(2018, 12, 31), "year")
    assert deadline.note == "2016-218 tolkat som 2016-2018"


def test_memo_status_notes_carry_revised_dates():
    """Why callers split the note off: "klart" in the note outranks the action's date."""
    note = " *Arbetet pågår, beräknas vara klart årsskiftet 2015/2016.*"
    paragraph = (
        "Förslag på tydligare strategiska mål för stadsbyggnadsområdet, "
        "exploateringsverksamheten och fastighetsfrågorna - med fokus på tid, ekonomi och "
        "effektivitet - utvecklas under våren 2015 i berörda nämnder och utskott."
    )
    assert as_tuple(find_deadline(paragraph)) == ("under våren 2015", D(2015, 6, 30), "season")
    assert as_tuple(find_deadline(paragraph + note)) == (
        "klart årsskiftet 2015/2016",
        D(2015, 12, 31),
        "month",
    )
    # The status note "till mål och budget 2016-218" names a document period: it loses
    # against the action's own deadline when both are in one paragraph.
    with_typo_note = MEMO_MAL + " *" + MEMO_MAL_NOTE + "*"
    assert as_tuple(find_deadline(with_typo_note)) == (
        "under våren 2015",
        D(2015, 6, 30),
        "season",
    )


def test_memo_registration_number_and_headings():
    assert find_deadline("TJÄNSTESKRIVELSE\nKFKS 2012/577-001") is None
    assert parse_expression("KFKS 2012/577-001") is None
    assert parse_expression("2012/577") is None
    assert as_tuple(find_deadline("Handlingsplan enligt beslutad inriktning 2015 – 2016")) == (
        "2015 – 2016",
        D(2016, 12, 31),
        "year",
    )


# --------------------------------------------------------------------------------------------
# Other municipalities' styles


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Klart senast: 2016-06-30", ("senast: 2016-06-30", D(2016, 6, 30), "day")),
        ("Tidplan: Q3 2016", ("Q3 2016", D(2016, 9, 30), "quarter")),
        ("Genomförs vecka 12 2016", ("vecka 12 2016", D(2016, 3, 27), "week")),
        ("Klart: tertial 2 2017", ("Klart: tertial 2 2017", D(2017, 8, 31), "tertial")),
        ("Klar 31/12 2015", ("Klar 31/12 2015", D(2015, 12, 31), "day")),
        (
            "Ska vara genomfört första halvåret 2016",
            ("första halvåret 2016", D(2016, 6, 30), "half_year"),
        ),
        ("Redovisas till nämnden i mars 2016", ("i mars 2016", D(2016, 3, 31), "month")),
        ("Åtgärden pågår 2016–2018", ("2016–2018", D(2018, 12, 31), "year")),
        ("senast 1 jan. 2017", ("senast 1 jan. 2017", D(2017, 1, 1), "day")),
        (
            "Påbörjas 2016-01-01, klart 2016-12-31",
            ("klart 2016-12-31", D(2016, 12, 31), "day"),
        ),
        ("Dnr KS 2015/123-001", None),
        # A bare year followed by a colon is a label, not a deadline.
        ("Budget 2016: 3 mnkr", None),
        ("vecka 53 2015", ("vecka 53 2015", D(2016, 1, 3), "week")),
        ("vecka 53 2016", None),
        ("30 februari 2016", None),
        (
            "Utredningen ska vara klar senast den 31:a mars 2016.",
            ("senast den 31:a mars 2016", D(2016, 3, 31), "day"),
        ),
        (
            "Rapporten lämnas t.o.m. 2016-03-31.",
            ("t.o.m. 2016-03-31", D(2016, 3, 31), "day"),
        ),
        (
            "Redovisning sker vid utgången av 2016.",
            ("vid utgången av 2016", D(2016, 12, 31), "year"),
        ),
        ("Genomförs fram till 31.12.2015.", ("fram till 31.12.2015", D(2015, 12, 31), "day")),
        ("Klart 20161231", ("Klart 20161231", D(2016, 12, 31), "day")),
        ("Åtgärden genomförs under HT16.", ("under HT16", D(2016, 12, 31), "season")),
        ("Klart VT 2017", ("Klart VT 2017", D(2017, 6, 30), "season")),
        (
            "Genomförs under vintern 2015/16.",
            ("under vintern 2015/16", D(2016, 2, 29), "season"),
        ),
        ("Genomförs under sommaren 2016.", ("under sommaren 2016", D(2016, 8, 31), "season")),
        ("Klart kv. 4 2016", ("Klart kv. 4 2016", D(2016, 12, 31), "quarter")),
        ("Deadline för rapporten: 15 maj 2016", ("15 maj 2016", D(2016, 5, 15), "day")),
        ("Insatsen genomförs 2016-W12", ("2016-W12", D(2016, 3, 27), "week")),
        (
            "Enligt mål och budget 2016-2018 ska översynen göras under hösten 2016.",
            ("under hösten 2016", D(2016, 12, 31), "season"),
        ),
        (
            "Utredningen startade i mars 2016 och ska vara klar senast i juni 2016.",
            ("senast i juni 2016", D(2016, 6, 30), "month"),
        ),
        ("Arbetet har påbörjats under 2015.", None),
        ("Arbetet blev klart i december 2014.", None),
        ("Åtgärden gäller under 2010-talet.", None),
        ("Insatsen kostar 2000 kr.", None),
        ("Kontaktcenter hanterar cirka 2020 ärenden i månaden.", None),
        ("Enligt SFS 2015:123 ska detta göras.", None),
        ("Personnummer 19800101-1234", None),
    ],
)
def test_other_styles(text, expected):
    assert as_tuple(find_deadline(text)) == expected


def test_till_och_med_after_a_start():
    deadline = find_deadline("Uppdraget gäller från 2016 till 2018.")
    assert as_tuple(deadline) == ("till 2018", D(2018, 12, 31), "year")
    deadline = find_deadline("Uppdraget gäller fr.o.m. 2016 t.o.m. 2018.")
    assert as_tuple(deadline) == ("t.o.m. 2018", D(2018, 12, 31), "year")


# --------------------------------------------------------------------------------------------
# The grammar of one expression


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        # days
        ("2015-12-31", (D(2015, 12, 31), "day")),
        ("20151231", (D(2015, 12, 31), "day")),
        ("31/12 2015", (D(2015, 12, 31), "day")),
        ("31/12/2015", (D(2015, 12, 31), "day")),
        ("31/12-2015", (D(2015, 12, 31), "day")),
        ("31.12.2015", (D(2015, 12, 31), "day")),
        ("31 december 2015", (D(2015, 12, 31), "day")),
        ("31 DECEMBER 2015", (D(2015, 12, 31), "day")),
        ("1 jan. 2016", (D(2016, 1, 1), "day")),
        ("1 jan 2016", (D(2016, 1, 1), "day")),
        ("1:a januari 2016", (D(2016, 1, 1), "day")),
        ("29 feb 2016", (D(2016, 2, 29), "day")),
        ("1-15 mars 2016", (D(2016, 3, 15), "day")),
        ("3 sept. 2016", (D(2016, 9, 3), "day")),
        ("3 okt 2016", (D(2016, 10, 3), "day")),
        ("7 jul. 2016", (D(2016, 7, 7), "day")),
        # weeks: the Sunday of the ISO week
        ("vecka 12 2016", (D(2016, 3, 27), "week")),
        ("v. 12 2016", (D(2016, 3, 27), "week")),
        ("v12 2016", (D(2016, 3, 27), "week")),
        ("vecka 1 2016", (D(2016, 1, 10), "week")),
        ("vecka 53 2015", (D(2016, 1, 3), "week")),
        ("2016-W12", (D(2016, 3, 27), "week")),
        # months
        ("december 2014", (D(2014, 12, 31), "month")),
        ("februari 2016", (D(2016, 2, 29), "month")),
        ("dec. 2014", (D(2014, 12, 31), "month")),
        ("2016-03", (D(2016, 3, 31), "month")),
        ("november-december 2014", (D(2014, 12, 31), "month")),
        ("november–december 2014", (D(2014, 12, 31), "month")),
        ("nov-dec 2014", (D(2014, 12, 31), "month")),
        ("årsskiftet 2015/2016", (D(2015, 12, 31), "month")),
        ("årsskiftet 2015/16", (D(2015, 12, 31), "month")),
        ("årsskiftet 2014/2015", (D(2014, 12, 31), "month")),
        ("årsskiftet 15/16", (D(2015, 12, 31), "month")),
        ("årsskiftet 2015", (D(2015, 12, 31), "month")),
        ("halvårsskiftet 2016", (D(2016, 6, 30), "month")),
        # quarters
        ("första kvartalet 2015", (D(2015, 3, 31), "quarter")),
        ("andra kvartalet 2015", (D(2015, 6, 30), "quarter")),
        ("tredje kvartalet 2015", (D(2015, 9, 30), "quarter")),
        ("fjärde kvartalet 2015", (D(2015, 12, 31), "quarter")),
        ("sista kvartalet 2015", (D(2015, 12, 31), "quarter")),
        ("1:a kvartalet 2015", (D(2015, 3, 31), "quarter")),
        ("kvartal 3 2015", (D(2015, 9, 30), "quarter")),
        ("kv. 3 2015", (D(2015, 9, 30), "quarter")),
        ("Q3 2015", (D(2015, 9, 30), "quarter")),
        ("Q3/2016", (D(2016, 9, 30), "quarter")),
        ("Q1-2016", (D(2016, 3, 31), "quarter")),
        # tertials
        ("tertial 1 2016", (D(2016, 4, 30), "tertial")),
        ("tertial 2 2016", (D(2016, 8, 31), "tertial")),
        ("tertial 3 2016", (D(2016, 12, 31), "tertial")),
        ("T2 2016", (D(2016, 8, 31), "tertial")),
        ("andra tertialet 2016", (D(2016, 8, 31), "tertial")),
        # seasons
        ("våren 2015", (D(2015, 6, 30), "season")),
        ("Våren 2015", (D(2015, 6, 30), "season")),
        ("vår 2015", (D(2015, 6, 30), "season")),
        ("vårterminen 2016", (D(2016, 6, 30), "season")),
        ("VT 2016", (D(2016, 6, 30), "season")),
        ("sommaren 2015", (D(2015, 8, 31), "season")),
        ("hösten 2015", (D(2015, 12, 31), "season")),
        ("höstterminen 2015", (D(2015, 12, 31), "season")),
        ("HT 2015", (D(2015, 12, 31), "season")),
        ("HT-15", (D(2015, 12, 31), "season")),
        ("vintern 2016", (D(2016, 2, 29), "season")),
        ("vintern 2015", (D(2015, 2, 28), "season")),
        ("vintern 2015/2016", (D(2016, 2, 29), "season")),
        # half years
        ("första halvåret 2016", (D(2016, 6, 30), "half_year")),
        ("andra halvåret 2016", (D(2016, 12, 31), "half_year")),
        ("halvår 1 2016", (D(2016, 6, 30), "half_year")),
        ("H2 2016", (D(2016, 12, 31), "half_year")),
        # years
        ("2016", (D(2016, 12, 31), "year")),
        ("år 2016", (D(2016, 12, 31), "year")),
        ("1990", (D(1990, 12, 31), "year")),
        ("2100", (D(2100, 12, 31), "year")),
        ("2015-2016", (D(2016, 12, 31), "year")),
        ("2015 – 2016", (D(2016, 12, 31), "year")),
        ("2016-2018", (D(2018, 12, 31), "year")),
        ("2015-16", (D(2016, 12, 31), "year")),
        ("2015/2016", (D(2016, 12, 31), "year")),
        ("2015/16", (D(2016, 12, 31), "year")),
        ("2016-218", (D(2018, 12, 31), "year")),
        # leading deadline prepositions are tolerated
        ("under våren 2015", (D(2015, 6, 30), "season")),
        ("senast den 31 december 2015", (D(2015, 12, 31), "day")),
        ("till årsskiftet 2014/2015", (D(2014, 12, 31), "month")),
    ],
)
def test_parse_expression(phrase, expected):
    assert parse_expression(phrase) == expected


@pytest.mark.parametrize(
    "phrase",
    [
        "31 februari 2016",
        "30 februari 2016",
        "29 feb 2015",
        "2015-13-45",
        "2015-02-30",
        "32/12 2015",
        "20151332",
        "vecka 53 2016",
        "vecka 54 2016",
        "vecka 0 2016",
        "kvartal 5 2016",
        "Q0 2016",
        "tertial 4 2016",
        "1989",
        "2101",
        "12345",
        "KFKS 2012/577-001",
        "2012/577",
        "2016-201",  # 2017, 2019 and 2021 all fit: ambiguous typo
        "2016/218",
        "2015/2017",  # a slash joins consecutive years only
        "2018-2016",
        "2015-2040",
        "årsskiftet 2015/2017",
        "våren 2015/2016",
        "december-november 2014",
        "15-1 mars 2016",
        "2010-talet",
        "från 2015",
        "",
        "   ",
        "våren",  # needs a default year
        "tertial 2",
        "v12",
        "den 1 januari",
        "i december",
        "vid årsskiftet",
        "Q3",
        "jul 2016",  # "jul" without a period is Christmas
    ],
)
def test_parse_expression_rejects(phrase):
    assert parse_expression(phrase) is None


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("våren", (D(2016, 6, 30), "season")),
        ("hösten", (D(2016, 12, 31), "season")),
        ("tertial 2", (D(2016, 8, 31), "tertial")),
        ("T2", None),  # "T2" alone is too short to be sure
        ("v12", (D(2016, 3, 27), "week")),
        ("vecka 12", (D(2016, 3, 27), "week")),
        ("den 1 januari", (D(2016, 1, 1), "day")),
        ("31 december", (D(2016, 12, 31), "day")),
        ("i december", (D(2016, 12, 31), "month")),
        ("vid årsskiftet", (D(2016, 12, 31), "month")),
        ("Q3", (D(2016, 9, 30), "quarter")),
        ("första kvartalet", (D(2016, 3, 31), "quarter")),
        ("andra halvåret", (D(2016, 12, 31), "half_year")),
        ("våren 2015", (D(2015, 6, 30), "season")),  # an explicit year wins
    ],
)
def test_parse_expression_default_year(phrase, expected):
    assert parse_expression(phrase, default_year=2016) == expected


@pytest.mark.parametrize("default_year", [None, 0, -5, 1989, 2101, 10**12, True])
def test_unusable_default_year_is_ignored(default_year):
    assert parse_expression("tertial 2", default_year=default_year) is None
    assert find_deadline("Klart tertial 2", default_year=default_year) is None
    assert parse_expression("tertial 2 2016", default_year=default_year) == (
        D(2016, 8, 31),
        "tertial",
    )


def test_typo_note_only_for_the_typo():
    assert find_deadline("Klart 2016-2018").note == ""
    deadline = find_deadline("Klart 2016-218")
    assert (deadline.text, deadline.date, deadline.note) == (
        "Klart 2016-218",
        D(2018, 12, 31),
        "2016-218 tolkat som 2016-2018",
    )
    assert find_deadline("Klart 2016-201") is None


# --------------------------------------------------------------------------------------------
# Choosing the deadline


def test_senast_wins_over_a_later_date():
    text = "Utredningen ska vara klar senast den 1 mars 2016 och beslut fattas under hösten 2016."
    assert find_deadline(text).text == "senast den 1 mars 2016"


def test_latest_of_several_marked_dates_wins():
    text = "Delrapport senast 1 mars 2016, slutrapport senast 1 juni 2016."
    assert find_deadline(text).text == "senast 1 juni 2016"


def test_latest_wins_and_ties_go_to_the_first():
    assert find_deadline("Görs i mars 2016 och i maj 2016.").text == "i maj 2016"
    assert find_deadline("Görs under 2016 och under hösten 2016.").text == "under 2016"


@pytest.mark.parametrize(
    "start",
    [
        "från och med",
        "fr.o.m.",
        "fr o m",
        "från",
        "sedan",
        "med start",
        "startar",
        "efter",
        "Påbörjas",
        "Från och med den",
        "från den",
    ],
)
def test_start_dates_are_not_deadlines(start):
    assert find_deadline(f"Arbetet pågår {start} 1 mars 2016.") is None


@pytest.mark.parametrize(
    "sentence",
    [
        "Under våren 2015 genomfördes en översyn.",
        "Under våren 2015 startades arbetet.",
        "Kommunstyrelsen noterade inriktningen i december 2014.",
        "Kommunstyrelsen beslutade i december 2014 om en ny plan.",
        "Beslutet fattades i mars 2015.",
        "Översynen gjordes under 2015.",
        "Planen var klar i juni 2015.",
        "Arbetet har genomförts under 2015.",
        "Planen antogs av fullmäktige i juni 2015.",
    ],
)
def test_past_tense_is_not_a_deadline(sentence):
    assert find_deadline(sentence) is None


@pytest.mark.parametrize(
    ("sentence", "text"),
    [
        # a present/future marker rescues a clause with a past verb
        (
            "Den utredning som startades i våras ska vara klar under hösten 2015.",
            "under hösten 2015",
        ),
        # a past clause does not spoil the next clause that has its own verb
        (
            "Översynen genomfördes i mars 2015, och förslagen tas fram under hösten 2015.",
            "under hösten 2015",
        ),
        # adjectives in -ade after a determiner or preposition are not verbs
        ("Den samlade planen tas fram under 2016.", "under 2016"),
        ("Av tidigare planerade åtgärder genomförs resten under 2016.", "under 2016"),
        # "var och en", "var tredje" are not "var" (was)
        ("Var och en ska rapportera senast den 1 mars 2016.", "senast den 1 mars 2016"),
    ],
)
def test_present_and_future_clauses_are_kept(sentence, text):
    assert find_deadline(sentence).text == text


def test_yearless_month_or_season_needs_a_preposition():
    assert find_deadline("För våren planeras två möten.", default_year=2016) is None
    assert find_deadline("Maj Andersson är ansvarig.", default_year=2016) is None
    assert as_tuple(find_deadline("Mötet hålls i maj.", default_year=2016)) == (
        "i maj",
        D(2016, 5, 31),
        "month",
    )


def test_plan_references_only_when_nothing_else():
    # (The adoption date "antas i juni 2016" is no deadline: the sentence says what is due.)
    text = "Mål och budget 2016-2018 ska redovisas i juni 2016."
    assert find_deadline(text).text == "i juni 2016"
    assert find_deadline("Enligt mål och budget 2016-2018.").text == "2016-2018"
    text = "Arbetet med Agenda 2030 ska redovisas under hösten 2016."
    assert find_deadline(text).text == "under hösten 2016"
    assert find_deadline("Arbetet följer Vision 2030.").text == "2030"


def test_labels_and_references_to_other_documents():
    assert find_deadline("Budget 2016: 3 mnkr") is None
    assert find_deadline("Se bet. 2015/16:KU20") is None
    assert find_deadline("Enligt prop. 2015/16:1 ska") is None
    assert find_deadline("Ärendet KS 2015/16 behandlas") is None
    assert find_deadline("Dnr 2015/16") is None


def test_text_keeps_the_original_case_and_prepositions():
    deadline = find_deadline("Detta ska vara KLART SENAST DEN 31 DECEMBER 2015.")
    assert deadline.text == "SENAST DEN 31 DECEMBER 2015"
    assert find_deadline("Inrättas Per Den 1 Januari 2015.").text == "Per Den 1 Januari 2015"
    assert find_deadline("Klart före 1 mars 2016.").text == "före 1 mars 2016"
    assert find_deadline("Klart innan 1 mars 2016.").text == "innan 1 mars 2016"
    assert find_deadline("Klart under år 2016.").text == "under år 2016"


def test_expression_across_a_line_break():
    deadline = find_deadline("Ska vara klart senast den 31 december\n2015.")
    assert as_tuple(deadline) == ("senast den 31 december\n2015", D(2015, 12, 31), "day")


@pytest.mark.parametrize("value", ["", None, 2015, b"2015"])
def test_not_text(value):
    assert find_deadline(value) is None
    assert parse_expression(value) is None


def test_deadline_is_frozen():
    deadline = Deadline("under 2016", D(2016, 12, 31), "year")
    assert deadline.note == ""
    with pytest.raises(AttributeError):
        deadline.text = "x"


# --------------------------------------------------------------------------------------------
# Properties

SWEDISH_DATE_WORDS = [
    "senast",
    "den",
    "under",
    "till",
    "per",
    "i",
    "före",
    "innan",
    "fram",
    "klart",
    "klar",
    "från",
    "och",
    "med",
    "fr.o.m.",
    "t.o.m.",
    "efter",
    "vid",
    "år",
    "årsskiftet",
    "halvårsskiftet",
    "våren",
    "hösten",
    "sommaren",
    "vintern",
    "vår",
    "VT",
    "HT",
    "januari",
    "jan.",
    "feb",
    "mars",
    "maj",
    "jul.",
    "sept.",
    "december",
    "dec",
    "kvartalet",
    "kvartal",
    "kv.",
    "Q3",
    "Q",
    "tertial",
    "tertialet",
    "T2",
    "H1",
    "halvåret",
    "halvår",
    "vecka",
    "v.",
    "v",
    "första",
    "andra",
    "sista",
    "1:a",
    "3:e",
    "genomfördes",
    "startades",
    "ska",
    "noterade",
    "var",
    "har",
    "genomförts",
    "budget",
    "KS",
    "Dnr",
    "kr",
    "års",
    "ca",
    ".",
    ",",
    ":",
    "-",
    "–",
    "/",
    "*",
    "\n",
    "2015",
    "2016",
    "2016-218",
    "15/16",
    "31",
    "12",
    "1",
    "0",
    "99",
    "53",
    "2015-12-31",
    "20151231",
    "31/12",
    "1989",
    "2100",
    "2101",
]
SEPARATORS = st.sampled_from(["", " ", " ", "-", "/", ".", ":", "\n", "–"])
date_words_text = st.lists(st.tuples(st.sampled_from(SWEDISH_DATE_WORDS), SEPARATORS)).map(
    lambda parts: "".join(word + sep for word, sep in parts)
)
digits_text = st.text(alphabet="0123456789 -/.:–,", max_size=200)
any_text = st.one_of(st.text(), date_words_text, digits_text)


def check_deadline(deadline, text):
    if deadline is None:
        return
    assert isinstance(deadline, Deadline)
    assert deadline.text and deadline.text in text
    assert type(deadline.date) is dt.date
    assert deadline.precision in PRECISIONS
    assert isinstance(deadline.note, str)


def check_parsed(parsed):
    if parsed is None:
        return
    day, precision = parsed
    assert type(day) is dt.date
    assert precision in PRECISIONS


@settings(max_examples=300, deadline=None)
@given(any_text, st.sampled_from([None, 2015, 2016]))
def test_find_deadline_never_raises(text, default_year):
    check_deadline(find_deadline(text, default_year=default_year), text)


@settings(max_examples=300, deadline=None)
@given(any_text, st.sampled_from([None, 2015, 2016]))
def test_parse_expression_never_raises(text, default_year):
    check_parsed(parse_expression(text, default_year=default_year))


@settings(max_examples=200, deadline=None)
@given(any_text)
def test_the_trigger_scan_finds_what_the_full_scan_finds(text):
    def found(matches):  # the form and every group it read, as _resolve reads them
        return [(m.span(), m.lastgroup, _groups(m)) for m in matches]

    assert found(_expressions(text)) == found(_EXPRESSION.finditer(text))


def _groups(match):
    return {name: value for name, value in match.groupdict().items() if value is not None}


MONTHS = [
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
]


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=D(1990, 1, 1), max_value=D(2100, 12, 31)))
def test_every_real_day_round_trips(day):
    for phrase in (
        day.isoformat(),
        day.strftime("%Y%m%d"),
        f"{day.day}/{day.month} {day.year}",
        f"{day.day}.{day.month}.{day.year}",
        f"{day.day} {MONTHS[day.month - 1]} {day.year}",
    ):
        assert parse_expression(phrase) == (day, "day"), phrase
    deadline = find_deadline(
        f"Ska vara klart senast den {day.day} {MONTHS[day.month - 1]} {day.year}."
    )
    assert (deadline.date, deadline.precision) == (day, "day")


@settings(max_examples=100, deadline=None)
@given(st.integers(1990, 2100), st.integers(1, 53))
def test_weeks_are_sundays_of_real_iso_weeks(year, week):
    parsed = parse_expression(f"vecka {week} {year}")
    try:
        sunday = dt.date.fromisocalendar(year, week, 7)
    except ValueError:
        assert parsed is None
    else:
        assert parsed == (sunday, "week")
        assert sunday.weekday() == 6


# --------------------------------------------------------------------------------------------
# Speed: long paragraphs must come back (nothing asserted about time)


def test_long_repeated_paragraph_returns():
    text = "under våren 2015 " * 6000  # about 100 kB
    assert as_tuple(find_deadline(text)) == ("under våren 2015", D(2015, 6, 30), "season")


def test_long_random_digits_return():
    rng = random.Random(577)
    glued = "".join(rng.choice("0123456789") for _ in range(100_000))
    assert find_deadline(glued) is None  # one long number is not a date
    spaced = "".join(rng.choice("0123456789 -/.:") for _ in range(100_000))
    check_deadline(find_deadline(spaced), spaced)
    years = " ".join(str(rng.randint(1980, 2110)) for _ in range(20_000))
    check_deadline(find_deadline(years), years)


@pytest.mark.parametrize(
    "text",
    [" " * 100_000, "\n" * 100_000, "senast " * 15_000, "den 1 " * 20_000],
)
def test_degenerate_long_texts_return(text):
    assert find_deadline(text) is None
    assert parse_expression(text) is None


def test_long_whitespace_after_a_year_returns():
    text = "2015" + " " * 100_000 + "-2016"  # not a range: too far apart
    assert find_deadline(text).text == "2016"


def test_the_package_needs_only_the_standard_library():
    import styr.extract.deadlines as package

    imports = set()
    for module in Path(package.__file__).parent.glob("*.py"):
        source = module.read_text(encoding="utf-8")
        imports |= set(re.findall(r"^(?:from|import) ([\w]+)", source, re.M))
    assert imports <= {
        "__future__",
        "bisect",
        "calendar",
        "collections",
        "datetime",
        "re",
        "dataclasses",
        "typing",
    }
