"""chrome.py - the page furniture of the held-out pages (used by
make_pages.py): per language the words of menus, widgets, promos,
comment forms and footers; per style the markup of one kind of CMS.
Every string here is invented for this set."""
import html
import json

L = {
    "en": dict(
        menu=["News", "Local", "Politics", "Business", "Sport", "Culture",
              "Opinion", "Weather"],
        home="Home", share="Share this article", fb="Share on Facebook",
        tw="Share on X", li="Share on LinkedIn", wa="Share on WhatsApp",
        mail="Email", save="Save", print="Print", by="By",
        readmore="Read more", rec="Recommended", alsoread="Read more:",
        nl_title="The Morning Briefing",
        nl_text="Get the day's most important stories in your inbox "
        "every morning before seven.",
        nl_ph="Your email address", nl_btn="Sign up",
        mostread="Most read", related="Related stories",
        ncomments="{n} comments", leave="Leave a comment",
        name="Name", email="Email", comment="Comment",
        submit="Post comment",
        note="Your email address will not be published. Required fields "
        "are marked *", reply="Reply",
        cookie="We use cookies to improve your experience and to show "
        "you personalised ads. You can change your choice at any time.",
        accept="Accept all", settings="Cookie settings",
        footer=["About us", "Contact", "Advertise", "Privacy policy",
                "Terms of use", "Careers"],
        rights="All rights reserved.", photo="Photo", ad="Advertisement",
        updated="Updated", subscribe="Subscribe", login="Log in",
        topics="Topics", live="LIVE", keyev="Key events",
        refresh="Refresh", gallery="Photo {i} of {n}",
        follow="Follow us", search="Search", minread="{n} min read",
        months=["January", "February", "March", "April", "May", "June",
                "July", "August", "September", "October", "November",
                "December"],
        datefmt="{d} {M} {y}",
        teasers=[
            "Council delays vote on new parking charges",
            "Five things to do in the city this weekend",
            "Ferry timetable changes from next month",
            "Hospital car park to close for repairs",
            "Rowing club celebrates its 150th season",
            "Why house prices in the valley keep climbing",
            "School meals provider loses contract",
            "Photos: the first frost of the winter",
        ]),
    "de": dict(
        menu=["Nachrichten", "Region", "Politik", "Wirtschaft", "Sport",
              "Kultur", "Meinung", "Wetter"],
        home="Startseite", share="Artikel teilen",
        fb="Auf Facebook teilen", tw="Auf X teilen",
        li="Auf LinkedIn teilen", wa="Per WhatsApp teilen",
        mail="Per E-Mail senden", save="Merken", print="Drucken",
        by="Von", readmore="Mehr zum Thema", rec="Empfohlen",
        alsoread="Lesen Sie auch:", nl_title="Der Morgen-Newsletter",
        nl_text="Die wichtigsten Nachrichten aus der Region jeden Morgen "
        "kostenlos in Ihrem Postfach.",
        nl_ph="Ihre E-Mail-Adresse", nl_btn="Jetzt anmelden",
        mostread="Meistgelesen", related="Das könnte Sie auch interessieren",
        ncomments="{n} Kommentare", leave="Kommentar schreiben",
        name="Name", email="E-Mail", comment="Ihr Kommentar",
        submit="Kommentar abschicken",
        note="Ihre E-Mail-Adresse wird nicht veröffentlicht. "
        "Pflichtfelder sind mit * markiert.", reply="Antworten",
        cookie="Wir verwenden Cookies, um Inhalte zu personalisieren und "
        "die Zugriffe auf unsere Website zu analysieren.",
        accept="Alle akzeptieren", settings="Einstellungen",
        footer=["Impressum", "Kontakt", "Datenschutz", "AGB", "Mediadaten",
                "Abo-Service"],
        rights="Alle Rechte vorbehalten.", photo="Foto", ad="Anzeige",
        updated="Aktualisiert", subscribe="Abonnieren", login="Anmelden",
        topics="Themen", live="LIVE", keyev="Das Wichtigste",
        refresh="Aktualisieren", gallery="Bild {i} von {n}",
        follow="Folgen Sie uns", search="Suche",
        minread="{n} Min. Lesezeit",
        months=["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli",
                "August", "September", "Oktober", "November", "Dezember"],
        datefmt="{d}. {M} {y}",
        teasers=[
            "Stadtrat vertagt Entscheidung über neues Parkhaus",
            "Diese Baustellen bremsen Pendler im Herbst",
            "Freibad öffnet nach Sanierung früher als geplant",
            "Kreis sucht dringend Busfahrerinnen und Busfahrer",
            "Weinfest lockt trotz Regen tausende Besucher",
            "Warum die Mieten im Umland so stark steigen",
            "Neue Kita im Westen der Stadt eröffnet",
            "Bilder: Der erste Schnee auf den Höhen",
        ]),
    "fr": dict(
        menu=["Actualités", "Région", "Politique", "Économie", "Sports",
              "Culture", "Opinions", "Météo"],
        home="Accueil", share="Partager l'article",
        fb="Partager sur Facebook", tw="Partager sur X",
        li="Partager sur LinkedIn", wa="Partager sur WhatsApp",
        mail="Envoyer par e-mail", save="Sauvegarder", print="Imprimer",
        by="Par", readmore="Lire aussi", rec="À lire aussi",
        alsoread="Lire aussi :", nl_title="La lettre du matin",
        nl_text="Recevez chaque matin l'essentiel de l'actualité de votre "
        "région, gratuitement.",
        nl_ph="Votre adresse e-mail", nl_btn="Je m'inscris",
        mostread="Les plus lus", related="Sur le même sujet",
        ncomments="{n} commentaires", leave="Laisser un commentaire",
        name="Nom", email="E-mail", comment="Votre commentaire",
        submit="Publier le commentaire",
        note="Votre adresse e-mail ne sera pas publiée. Les champs "
        "obligatoires sont indiqués avec *", reply="Répondre",
        cookie="Nous utilisons des cookies pour mesurer l'audience et vous "
        "proposer des contenus adaptés à vos centres d'intérêt.",
        accept="Tout accepter", settings="Paramétrer",
        footer=["Qui sommes-nous", "Contact", "Mentions légales",
                "Confidentialité", "Publicité", "Abonnements"],
        rights="Tous droits réservés.", photo="Photo", ad="Publicité",
        updated="Mis à jour", subscribe="S'abonner", login="Se connecter",
        topics="Thèmes", live="EN DIRECT", keyev="L'essentiel",
        refresh="Actualiser", gallery="Photo {i} sur {n}",
        follow="Suivez-nous", search="Rechercher",
        minread="Lecture {n} min",
        months=["janvier", "février", "mars", "avril", "mai", "juin",
                "juillet", "août", "septembre", "octobre", "novembre",
                "décembre"],
        datefmt="{d} {M} {y}",
        teasers=[
            "Le conseil municipal repousse le vote sur les parkings",
            "Cinq balades à faire autour du lac cet automne",
            "Les horaires des bus changent à la rentrée",
            "La piscine rouvre après deux ans de travaux",
            "Le marché de Noël cherche encore des exposants",
            "Pourquoi les loyers grimpent dans la vallée",
            "Une nouvelle crèche ouvre dans le quartier nord",
            "En images : la première neige sur les crêtes",
        ]),
    "es": dict(
        menu=["Noticias", "Local", "Política", "Economía", "Deportes",
              "Cultura", "Opinión", "El tiempo"],
        home="Portada", share="Compartir", fb="Compartir en Facebook",
        tw="Compartir en X", li="Compartir en LinkedIn",
        wa="Compartir en WhatsApp", mail="Enviar por correo",
        save="Guardar", print="Imprimir", by="Por",
        readmore="Te puede interesar", rec="Recomendado",
        alsoread="Lee también:", nl_title="El boletín de la mañana",
        nl_text="Recibe cada mañana las noticias más importantes de tu "
        "provincia en tu correo.",
        nl_ph="Tu correo electrónico", nl_btn="Suscribirme",
        mostread="Lo más leído", related="Noticias relacionadas",
        ncomments="{n} comentarios", leave="Deja un comentario",
        name="Nombre", email="Correo electrónico", comment="Comentario",
        submit="Publicar comentario",
        note="Tu dirección de correo electrónico no será publicada. Los "
        "campos obligatorios están marcados con *", reply="Responder",
        cookie="Utilizamos cookies propias y de terceros para mejorar "
        "nuestros servicios y mostrarte publicidad relacionada con tus "
        "preferencias.", accept="Aceptar todas", settings="Configurar",
        footer=["Quiénes somos", "Contacto", "Aviso legal",
                "Política de privacidad", "Publicidad", "Suscripciones"],
        rights="Todos los derechos reservados.", photo="Foto",
        ad="Publicidad", updated="Actualizado", subscribe="Suscríbete",
        login="Iniciar sesión", topics="Temas", live="EN DIRECTO",
        keyev="Lo más importante", refresh="Actualizar",
        gallery="Foto {i} de {n}", follow="Síguenos", search="Buscar",
        minread="{n} min de lectura",
        months=["enero", "febrero", "marzo", "abril", "mayo", "junio",
                "julio", "agosto", "septiembre", "octubre", "noviembre",
                "diciembre"],
        datefmt="{d} de {M} de {y}",
        teasers=[
            "El ayuntamiento aplaza la reforma de la plaza mayor",
            "Cinco rutas para disfrutar del otoño en la sierra",
            "Cambian los horarios del autobús urbano",
            "La piscina municipal reabre tras las obras",
            "La feria del libro busca voluntarios",
            "Por qué sube tanto el alquiler en la comarca",
            "Abre una nueva guardería en el barrio norte",
            "Fotos: la primera nevada en las cumbres",
        ]),
    "pt": dict(
        menu=["Notícias", "Região", "Política", "Economia", "Desporto",
              "Cultura", "Opinião", "Tempo"],
        home="Início", share="Partilhar", fb="Partilhar no Facebook",
        tw="Partilhar no X", li="Partilhar no LinkedIn",
        wa="Partilhar no WhatsApp", mail="Enviar por email",
        save="Guardar", print="Imprimir", by="Por",
        readmore="Leia também", rec="Recomendado",
        alsoread="Leia também:", nl_title="Newsletter da manhã",
        nl_text="Receba todas as manhãs as principais notícias da região "
        "no seu email.", nl_ph="O seu email", nl_btn="Subscrever",
        mostread="Mais lidas", related="Artigos relacionados",
        ncomments="{n} comentários", leave="Deixe um comentário",
        name="Nome", email="Email", comment="Comentário",
        submit="Publicar comentário",
        note="O seu endereço de email não será publicado. Os campos "
        "obrigatórios estão assinalados com *", reply="Responder",
        cookie="Utilizamos cookies para melhorar a sua experiência e para "
        "fins estatísticos e publicitários.", accept="Aceitar todos",
        settings="Definições",
        footer=["Sobre nós", "Contactos", "Estatuto editorial",
                "Política de privacidade", "Publicidade", "Assinaturas"],
        rights="Todos os direitos reservados.", photo="Foto",
        ad="Publicidade", updated="Atualizado", subscribe="Assinar",
        login="Entrar", topics="Tópicos", live="AO VIVO",
        keyev="Principais momentos", refresh="Atualizar",
        gallery="Foto {i} de {n}", follow="Siga-nos", search="Pesquisar",
        minread="{n} min de leitura",
        months=["janeiro", "fevereiro", "março", "abril", "maio", "junho",
                "julho", "agosto", "setembro", "outubro", "novembro",
                "dezembro"],
        datefmt="{d} de {M} de {y}",
        teasers=[
            "Câmara adia votação sobre o novo parque de estacionamento",
            "Cinco passeios para fazer junto ao rio no outono",
            "Horários dos autocarros mudam em outubro",
            "Piscina municipal reabre depois das obras",
            "Feira do livro procura voluntários",
            "Porque é que as rendas sobem tanto no concelho",
            "Nova creche abre no bairro norte",
            "Fotogaleria: a primeira geada do ano",
        ]),
    "it": dict(
        menu=["Cronaca", "Territorio", "Politica", "Economia", "Sport",
              "Cultura", "Opinioni", "Meteo"],
        home="Home", share="Condividi", fb="Condividi su Facebook",
        tw="Condividi su X", li="Condividi su LinkedIn",
        wa="Condividi su WhatsApp", mail="Invia per email",
        save="Salva", print="Stampa", by="Di",
        readmore="Leggi anche", rec="Consigliati",
        alsoread="Leggi anche:", nl_title="La newsletter del mattino",
        nl_text="Ricevi ogni mattina le notizie più importanti della tua "
        "provincia, gratis.", nl_ph="La tua email", nl_btn="Iscriviti",
        mostread="I più letti", related="Articoli correlati",
        ncomments="{n} commenti", leave="Lascia un commento",
        name="Nome", email="Email", comment="Commento",
        submit="Invia commento",
        note="Il tuo indirizzo email non sarà pubblicato. I campi "
        "obbligatori sono contrassegnati *", reply="Rispondi",
        cookie="Questo sito utilizza cookie tecnici e di profilazione, "
        "anche di terze parti, per offrirti un servizio migliore.",
        accept="Accetta tutti", settings="Personalizza",
        footer=["Chi siamo", "Contatti", "Note legali", "Privacy",
                "Pubblicità", "Abbonamenti"],
        rights="Tutti i diritti riservati.", photo="Foto", ad="Pubblicità",
        updated="Aggiornato", subscribe="Abbonati", login="Accedi",
        topics="Argomenti", live="DIRETTA", keyev="I momenti chiave",
        refresh="Aggiorna", gallery="Foto {i} di {n}", follow="Seguici",
        search="Cerca", minread="Lettura {n} min",
        months=["gennaio", "febbraio", "marzo", "aprile", "maggio",
                "giugno", "luglio", "agosto", "settembre", "ottobre",
                "novembre", "dicembre"],
        datefmt="{d} {M} {y}",
        teasers=[
            "Il consiglio comunale rinvia il voto sui parcheggi",
            "Cinque passeggiate da fare sul lago in autunno",
            "Cambiano gli orari degli autobus urbani",
            "La piscina comunale riapre dopo i lavori",
            "La fiera del libro cerca volontari",
            "Perché gli affitti crescono così in provincia",
            "Apre un nuovo asilo nido nel quartiere nord",
            "Fotogallery: la prima neve sulle cime",
        ]),
}


def e(s):
    return html.escape(s, quote=True)


def show_date(s, lang, with_time=True):
    lg = L[lang]
    y, m, d = s["date"][:4], int(s["date"][5:7]), int(s["date"][8:10])
    out = lg["datefmt"].format(d=d, M=lg["months"][m - 1], y=y)
    if with_time:
        out += ", " + s["date"][11:16]
    return out


def slug(s):
    return s["id"].split("-", 1)[1]


def teasers(lang, i, n, start=0):
    t = L[lang]["teasers"]
    return [t[(i + start + k) % len(t)] for k in range(n)]


def authors(s):
    return [a.strip() for a in s["author"].split("&")]


# ---- <head> -------------------------------------------------------------

def head(s):
    sd = s.get("sd", "none").split("+")
    site = s["site"]
    out = ['<!DOCTYPE html>', '<html lang="%s">' % s["lang"], '<head>',
           '<meta charset="utf-8">',
           '<meta name="viewport" content="width=device-width, '
           'initial-scale=1">',
           '<title>%s | %s</title>' % (e(s["headline"]), e(site)),
           '<link rel="stylesheet" href="/assets/css/main.%s.css">'
           % s["id"][:2],
           '<meta name="description" content="%s">' % e(s["standfirst"])]
    if "og" in sd:
        out += ['<meta property="og:type" content="article">',
                '<meta property="og:site_name" content="%s">' % e(site),
                '<meta property="og:title" content="%s">'
                % e(s["headline"]),
                '<meta property="og:description" content="%s">'
                % e(s["standfirst"]),
                '<meta property="og:image" content="%s">' % e(s["image"]),
                '<meta property="article:published_time" content="%s">'
                % s["date"],
                '<meta name="author" content="%s">'
                % e(", ".join(authors(s))),
                '<meta name="twitter:card" content="summary_large_image">']
    if "jsonld" in sd:
        ld = {"@context": "https://schema.org", "@type": "NewsArticle",
              "headline": s["headline"], "description": s["standfirst"],
              "image": [s["image"]], "datePublished": s["date"],
              "dateModified": s["date"],
              "author": [{"@type": "Person", "name": a}
                         for a in authors(s)],
              "publisher": {"@type": "Organization", "name": site,
                            "logo": {"@type": "ImageObject",
                                     "url": "https://%s/logo.png"
                                     % s["domain"]}}}
        out.append('<script type="application/ld+json">%s</script>'
                   % json.dumps(ld, ensure_ascii=False))
    if "graph" in sd:
        base = "https://%s/%s/" % (s["domain"], slug(s))
        ld = {"@context": "https://schema.org", "@graph": [
            {"@type": "WebSite", "@id": "https://%s/#website" % s["domain"],
             "name": site},
            {"@type": "WebPage", "@id": base, "name": s["headline"]},
            {"@type": "Article", "@id": base + "#article",
             "headline": s["headline"], "datePublished": s["date"],
             "author": {"@type": "Person", "name": authors(s)[0]},
             "image": {"@type": "ImageObject", "url": s["image"]},
             "isPartOf": {"@id": base}},
            {"@type": "BreadcrumbList", "itemListElement": [
                {"@type": "ListItem", "position": 1, "name": "Home"}]}]}
        out.append('<script type="application/ld+json">%s</script>'
                   % json.dumps(ld, ensure_ascii=False))
    if "live" in sd:
        ld = {"@context": "https://schema.org", "@type": "LiveBlogPosting",
              "headline": s["headline"], "datePublished": s["date"],
              "coverageStartTime": s["date"],
              "author": {"@type": "Organization", "name": site}}
        out.append('<script type="application/ld+json">%s</script>'
                   % json.dumps(ld, ensure_ascii=False))
    out += ['<script>window.dataLayer=window.dataLayer||[];'
            'dataLayer.push({"pageType":"article","section":"%s"});'
            '</script>' % s.get("section", "news"),
            '<script async src="/assets/js/ads.js"></script>',
            '<style>.hidden{display:none}.sr-only{position:absolute}'
            '</style>', '</head>']
    return "\n".join(out)


# ---- shared pieces --------------------------------------------------------

def cookie(s, cls="cookie-banner"):
    lg = L[s["lang"]]
    return ('<div class="%s" role="dialog" aria-label="cookies"><p>%s</p>'
            '<button class="btn-accept">%s</button> '
            '<button class="btn-settings">%s</button></div>'
            % (cls, e(lg["cookie"]), e(lg["accept"]), e(lg["settings"])))


def menu_ul(s, cls="menu"):
    lg = L[s["lang"]]
    items = "".join('<li class="menu-item"><a href="/%s/">%s</a></li>'
                    % (m.lower().replace(" ", "-"), e(m))
                    for m in lg["menu"])
    return '<ul class="%s">%s</ul>' % (cls, items)


def share_links(s, sep=" "):
    lg = L[s["lang"]]
    return sep.join([
        '<a class="share-facebook" href="https://www.facebook.com/sharer/'
        'sharer.php?u=x" title="%s"><span>Facebook</span></a>' % e(lg["fb"]),
        '<a class="share-x" href="https://x.com/intent/tweet?url=x" '
        'title="%s"><span>X</span></a>' % e(lg["tw"]),
        '<a class="share-linkedin" href="https://www.linkedin.com/share'
        'Article?url=x" title="%s"><span>LinkedIn</span></a>' % e(lg["li"]),
        '<a class="share-whatsapp" href="whatsapp://send?text=x" '
        'title="%s"><span>WhatsApp</span></a>' % e(lg["wa"]),
        '<a class="share-mail" href="mailto:?subject=x">%s</a>'
        % e(lg["mail"])])


def tool_links(s):
    lg = L[s["lang"]]
    return ('<button class="bookmark">%s</button> '
            '<a class="print" href="javascript:window.print()">%s</a>'
            % (e(lg["save"]), e(lg["print"])))


def newsletter(s, cls="newsletter-box"):
    lg = L[s["lang"]]
    return ('<div class="%s"><h3>%s</h3><p>%s</p><form action="/nl" '
            'method="post"><input type="email" name="email" '
            'placeholder="%s"><button type="submit">%s</button></form></div>'
            % (cls, e(lg["nl_title"]), e(lg["nl_text"]), e(lg["nl_ph"]),
               e(lg["nl_btn"])))


def teaser_list(s, i, title, n, start, cls, with_img=False):
    items = []
    for k, t in enumerate(teasers(s["lang"], i, n, start)):
        img = ('<img src="/img/t%d.jpg" alt="" loading="lazy">' % k
               if with_img else "")
        items.append('<li><a href="/story/%d">%s<span>%s</span></a></li>'
                     % (1000 + k, img, e(t)))
    return ('<section class="%s"><h2>%s</h2><ol>%s</ol></section>'
            % (cls, e(title), "".join(items)))


def comments_html(s, form_cls="comment-form"):
    lg = L[s["lang"]]
    cs = [c.split("|", 1) for c in s.get("comments", "").split(";;")
          if "|" in c]
    out = ['<section id="comments" class="comments-area">',
           '<h2 class="comments-title">%s</h2>'
           % e(lg["ncomments"].format(n=len(cs)))]
    if cs:
        out.append('<ol class="comment-list">')
        for k, (who, text) in enumerate(cs):
            out.append(
                '<li class="comment" id="comment-%d"><div class="comment-'
                'meta"><b class="fn">%s</b> <time>%s</time></div>'
                '<div class="comment-content"><p>%s</p></div>'
                '<a class="comment-reply-link" href="#respond">%s</a></li>'
                % (k + 1, e(who.strip()), show_date(s, s["lang"]),
                   e(text.strip()), e(lg["reply"])))
        out.append('</ol>')
    out.append(
        '<div id="respond" class="%s"><h3>%s</h3><form method="post" '
        'action="/comment"><p class="comment-notes">%s</p>'
        '<p><label for="author">%s *</label><input id="author" '
        'name="author"></p><p><label for="email">%s *</label><input '
        'id="email" name="email" type="email"></p><p><label for="c">%s'
        '</label><textarea id="c" name="comment"></textarea></p>'
        '<p><input type="submit" value="%s"></p></form></div>'
        % (form_cls, e(lg["leave"]), e(lg["note"]), e(lg["name"]),
           e(lg["email"]), e(lg["comment"]), e(lg["submit"])))
    out.append('</section>')
    return "\n".join(out)


def footer(s, cls="site-footer"):
    lg = L[s["lang"]]
    links = " | ".join('<a href="/%d">%s</a>' % (k, e(x))
                       for k, x in enumerate(lg["footer"]))
    return ('<footer class="%s"><nav class="footer-nav">%s</nav>'
            '<p class="follow">%s: <a href="#">Facebook</a> '
            '<a href="#">Instagram</a> <a href="#">X</a></p>'
            '<p class="copyright">© 2026 %s. %s</p></footer>'
            % (cls, links, e(lg["follow"]), e(s["site"]), e(lg["rights"])))


def crumbs(s, sep=" › "):
    lg = L[s["lang"]]
    return sep.join(['<a href="/">%s</a>' % e(lg["home"]),
                     '<a href="/%s/">%s</a>' % (s.get("section", "news"),
                                               e(s.get("sectionname",
                                                       lg["menu"][1])))])


def figure(s, cap_cls="caption", credit_cls="credit"):
    lg = L[s["lang"]]
    return ('<figure class="lead-image"><img src="%s" alt="%s" width="1200" '
            'height="675"><figcaption><span class="%s">%s</span> '
            '<span class="%s">%s: %s</span></figcaption></figure>'
            % (e(s["image"]), e(s["caption"]), cap_cls, e(s["caption"]),
               credit_cls, e(lg["photo"]), e(s["credit"])))


def byline_text(s):
    lg = L[s["lang"]]
    return "%s %s" % (lg["by"], " & ".join(authors(s)))


# ---- body blocks -----------------------------------------------------------

def block_html(kind, v, flavour):
    if kind == "p":
        return "<p>%s</p>" % e(v)
    if kind == "h2":
        return ("<h2>%s</h2>" if flavour != "soup" else
                "<b>%s</b><br>") % e(v)
    if kind in ("ul", "ol"):
        return "<%s>%s</%s>" % (kind, "".join("<li>%s</li>" % e(x)
                                              for x in v), kind)
    if kind == "table":
        rows = ["<tr>%s</tr>" % "".join("<th>%s</th>" % e(c)
                                        for c in v[0])]
        rows += ["<tr>%s</tr>" % "".join("<td>%s</td>" % e(c) for c in r)
                 for r in v[1:]]
        return ('<div class="table-wrap"><table class="results">'
                '<thead>%s</thead><tbody>%s</tbody></table></div>'
                % (rows[0], "".join(rows[1:])))
    if kind == "quote":
        return "<blockquote><p>%s</p></blockquote>" % e(v)
    if kind == "pull":
        return ('<aside class="pullquote"><blockquote>%s</blockquote>'
                '</aside>' % e(v))
    return ""


def inline_teaser(s, i, flavour):
    lg = L[s["lang"]]
    t = teasers(s["lang"], i, 2, 5)
    if flavour == "wp":
        return ('<p><strong>%s</strong> <a href="/story/77">%s</a></p>'
                % (e(lg["alsoread"]), e(t[0])))
    if flavour == "soup":
        return ('<div class="rel"><b>%s</b><br><a href="/a/1">%s</a><br>'
                '<a href="/a/2">%s</a></div>' % (e(lg["rec"]), e(t[0]),
                                                  e(t[1])))
    if flavour == "modern":
        return ('<div data-component="inline-teaser" class="css-1q2w3e">'
                '<span class="css-label">%s</span><a href="/story/88">'
                '<img src="/img/teaser.jpg" alt=""><h4>%s</h4></a></div>'
                % (e(lg["readmore"]), e(t[0])))
    return ('<aside class="inline-related"><h3>%s</h3><ul><li><a href="/r/1"'
            '>%s</a></li><li><a href="/r/2">%s</a></li></ul></aside>'
            % (e(lg["rec"]), e(t[0]), e(t[1])))


def ad_slot(s, k):
    return ('<div class="ad-slot" id="ad-%d"><span class="ad-label">%s'
            '</span><div class="ad-inner"></div></div>'
            % (k, e(L[s["lang"]]["ad"])))


def body_html(s, i, flavour):
    teaser_at = int(s.get("teaser", "-1"))
    promo_at = int(s.get("promo", "-1"))
    ad_at = int(s.get("ad", "-1"))
    out = []
    for k, (kind, v) in enumerate(s["blocks"]):
        out.append(block_html(kind, v, flavour))
        if k == teaser_at:
            out.append(inline_teaser(s, i, flavour))
        if k == promo_at:
            out.append(newsletter(s))
        if k == ad_at:
            out.append(ad_slot(s, k))
    if flavour == "soup":
        return soup_join(out)
    return "\n".join(out)


def soup_join(parts):
    """Old CMS: paragraphs as text runs separated by <br><br>."""
    out = []
    for p in parts:
        if p.startswith("<p>") and p.endswith("</p>"):
            out.append(p[3:-4] + "<br><br>")
        else:
            out.append(p)
    return "\n".join(out)


# ---- styles ---------------------------------------------------------------

def style_wp(s, i):
    lg = L[s["lang"]]
    au = authors(s)[0]
    return "\n".join([
        head(s),
        '<body class="post-template-default single single-post postid-%d">'
        % (4000 + i),
        '<div id="page" class="site"><a class="skip-link screen-reader-text"'
        ' href="#content">Skip to content</a>',
        '<header id="masthead" class="site-header"><div class="site-'
        'branding"><p class="site-title"><a href="/">%s</a></p><p class='
        '"site-description">%s</p></div><nav id="site-navigation" class='
        '"main-navigation">%s</nav></header>'
        % (e(s["site"]), e(s.get("tagline", "")), menu_ul(s)),
        '<div id="content" class="site-content"><div id="primary" class='
        '"content-area"><main id="main" class="site-main">',
        '<nav class="breadcrumbs"><span>%s</span></nav>' % crumbs(s, " » "),
        '<article id="post-%d" class="post-%d post type-post status-'
        'publish format-standard has-post-thumbnail hentry">'
        % (4000 + i, 4000 + i),
        '<header class="entry-header"><span class="cat-links"><a href="#">'
        '%s</a></span><h1 class="entry-title">%s</h1>'
        % (e(s.get("sectionname", lg["menu"][1])), e(s["headline"])),
        '<div class="entry-meta"><span class="byline"> %s <span class='
        '"author vcard"><a class="url fn n" href="/author/x/">%s</a></span>'
        '</span> <span class="posted-on"><time class="entry-date published" '
        'datetime="%s">%s</time></span> <span class="dateline">%s</span>'
        '</div></header>'
        % (e(lg["by"].lower()), e(au), s["date"], show_date(s, s["lang"]),
           e(s["place"])),
        '<div class="post-thumbnail"><img src="%s" class="wp-post-image" '
        'alt=""></div><p class="wp-caption-text">%s (%s: %s)</p>'
        % (e(s["image"]), e(s["caption"]), e(lg["photo"]), e(s["credit"])),
        '<div class="entry-content">',
        '<p class="lead"><strong>%s</strong></p>' % e(s["standfirst"]),
        body_html(s, i, "wp"),
        '<div class="sharedaddy sd-sharing-enabled"><h3 class="sd-title">'
        '%s</h3><div class="sd-content">%s %s</div></div>'
        % (e(lg["share"]), share_links(s), tool_links(s)),
        '<div id="jp-relatedposts" class="jp-relatedposts"><h3>%s</h3>%s'
        '</div>' % (e(lg["related"]), teaser_list(s, i, lg["related"], 3, 2,
                                                   "jp-related", True)),
        '</div>',
        '<footer class="entry-footer"><span class="tags-links">%s: <a '
        'href="#">%s</a>, <a href="#">%s</a></span></footer></article>'
        % (e(lg["topics"]), e(s.get("tags", "x, y").split(",")[0]),
           e(s.get("tags", "x, y").split(",")[-1].strip())),
        comments_html(s, "comment-respond"),
        '</main></div>',
        '<aside id="secondary" class="widget-area"><section class="widget '
        'widget_search"><form><input type="search" placeholder="%s…">'
        '</form></section>%s%s</aside>'
        % (e(lg["search"]), teaser_list(s, i, lg["mostread"], 5, 0,
                                        "widget widget_recent_entries"),
           '<section class="widget widget_text"><p>%s</p></section>'
           % e(s.get("about", ""))),
        '</div>', footer(s, "site-footer"), cookie(s, "cmplz-cookiebanner"),
        '</div></body></html>'])


def style_soup(s, i):
    lg = L[s["lang"]]
    return "\n".join([
        head(s), '<body bgcolor="#ffffff">',
        cookie(s, "cc_banner"),
        '<div id="top"><div class="l1"><a href="/"><img src="/logo.gif" '
        'alt="%s"></a></div><div class="l2">%s | <a href="/login">%s</a> | '
        '<a href="/abo">%s</a></div></div>'
        % (e(s["site"]), show_date(s, s["lang"], False), e(lg["login"]),
           e(lg["subscribe"])),
        '<div id="nav">%s</div>'
        % " · ".join('<a href="/c/%d">%s</a>' % (k, e(m))
                     for k, m in enumerate(lg["menu"])),
        '<table width="100%" cellpadding="0" cellspacing="0"><tr>',
        '<td class="lcol" valign="top" width="160"><div class="box">%s'
        '</div></td>' % "<br>".join('<a href="/c/%d">%s</a>' % (k, e(m))
                                     for k, m in enumerate(lg["menu"])),
        '<td class="mcol" valign="top">',
        '<div class="pfad">%s</div>' % crumbs(s, " &gt; "),
        '<div class="dat">%s · %s</div>' % (show_date(s, s["lang"]),
                                            e(s["place"])),
        '<div class="ttl"><font size="5"><b>%s</b></font></div>'
        % e(s["headline"]),
        '<div class="sub"><i>%s</i></div>' % e(s["standfirst"]),
        '<div class="aut">%s</div>' % e(byline_text(s)),
        '<div class="shr">%s · %s</div>' % (share_links(s, " · "),
                                            tool_links(s)),
        '<div class="img"><img src="%s" width="480"><br><small>%s '
        '(%s: %s)</small></div>' % (e(s["image"]), e(s["caption"]),
                                    e(lg["photo"]), e(s["credit"])),
        '<div class="txt">', body_html(s, i, "soup"), '</div>',
        '<div class="shr2">%s</div>' % share_links(s, " "),
        '<div class="more">%s</div>' % teaser_list(s, i, lg["related"], 4, 1,
                                                   "rel-list"),
        comments_html(s, "kform") if s.get("comments") or
        s.get("form") == "yes" else "",
        '</td><td class="rcol" valign="top" width="200">',
        ad_slot(s, 90), teaser_list(s, i, lg["mostread"], 5, 3, "top5"),
        '</td></tr></table>',
        footer(s, "ftr"), '</body></html>'])


def style_micro(s, i):
    lg = L[s["lang"]]
    au = "".join('<span itemprop="author" itemscope itemtype="https://'
                 'schema.org/Person"><a rel="author" href="/authors/%d" '
                 'itemprop="url"><span itemprop="name">%s</span></a></span>'
                 '%s' % (k, e(a), " &amp; " if k + 1 < len(authors(s))
                         else "")
                 for k, a in enumerate(authors(s)))
    return "\n".join([
        head(s), '<body class="article-page">', cookie(s),
        '<header class="masthead"><div class="masthead__top"><a class='
        '"logo" href="/">%s</a><a class="btn" href="/subscribe">%s</a> '
        '<a href="/login">%s</a></div><nav class="primary-nav">%s</nav>'
        '</header>' % (e(s["site"]), e(lg["subscribe"]), e(lg["login"]),
                       menu_ul(s, "nav-list")),
        '<main id="main">',
        '<nav class="breadcrumb" aria-label="breadcrumb">%s</nav>'
        % crumbs(s),
        '<article itemscope itemtype="https://schema.org/NewsArticle" '
        'class="article">',
        '<header class="article__header"><p class="kicker">%s</p>'
        '<h1 itemprop="headline">%s</h1><p class="standfirst" itemprop='
        '"description">%s</p>' % (e(s.get("kicker", "")), e(s["headline"]),
                                  e(s["standfirst"])),
        '<div class="article__meta"><span class="byline">%s %s</span>, '
        '<span class="place">%s</span> <time itemprop="datePublished" '
        'datetime="%s">%s</time> <span class="readtime">%s</span></div>'
        % (e(lg["by"]), au, e(s["place"]), s["date"],
           show_date(s, s["lang"]), e(lg["minread"].format(n=6))),
        '<div class="share-bar">%s %s</div></header>'
        % (share_links(s), tool_links(s)),
        '<figure class="article__figure" itemprop="image" itemscope itemtype='
        '"https://schema.org/ImageObject"><meta itemprop="url" content="%s">'
        '<img src="%s" alt=""><figcaption>%s <small class="credit">%s: %s'
        '</small></figcaption></figure>'
        % (e(s["image"]), e(s["image"]), e(s["caption"]), e(lg["photo"]),
           e(s["credit"])),
        '<div class="article__body" itemprop="articleBody">',
        body_html(s, i, "micro"), '</div>',
        '<div class="author-box"><p><b>%s</b> %s</p></div>'
        % (e(authors(s)[0]), e(s.get("bio", ""))),
        '<div class="share-bar share-bar--bottom">%s</div>'
        % share_links(s),
        '</article>',
        teaser_list(s, i, lg["related"], 4, 4, "related", True),
        comments_html(s) if s.get("comments") or s.get("form") == "yes"
        else "",
        '<aside class="sidebar">%s%s</aside>'
        % (teaser_list(s, i, lg["mostread"], 5, 0, "most-read"),
           newsletter(s, "newsletter-side")),
        '</main>', footer(s), '</body></html>'])


def style_modern(s, i):
    lg = L[s["lang"]]
    return "\n".join([
        head(s), '<body><div id="__next"><div class="css-k008qs">',
        '<div class="css-1dbjc4n"><header class="css-h1x0wa" data-testid='
        '"masthead"><a href="/" class="css-logo" aria-label="%s"><svg '
        'viewBox="0 0 10 10"></svg></a><button class="css-menu-btn">Menu'
        '</button><div class="css-nav">%s</div><a class="css-sub" '
        'href="/subscribe">%s</a></header></div>'
        % (e(s["site"]), menu_ul(s, "css-nav-ul"), e(lg["subscribe"])),
        '<div class="css-1v0ah4a" data-testid="breadcrumbs">%s</div>'
        % crumbs(s, " / "),
        '<div class="css-story" data-testid="story">',
        '<div class="css-hd"><span class="css-kicker">%s</span><h1 class='
        '"css-1t3xpr e1h9rw200">%s</h1><p class="css-dek">%s</p></div>'
        % (e(s.get("kicker", "")), e(s["headline"]), e(s["standfirst"])),
        '<div class="css-byl"><div><span class="css-author">%s</span>'
        '</div><div class="css-dt">%s · %s</div></div>'
        % (e(byline_text(s)), e(s["place"]), show_date(s, s["lang"])),
        '<div class="css-shr" data-testid="share-tools">%s <span>%s</span>'
        '</div>' % (share_links(s), tool_links(s)),
        '<div class="css-fig"><picture><img src="%s" alt="%s"></picture>'
        '<div class="css-cap"><span>%s</span> <span class="css-cred">%s'
        '</span></div></div>' % (e(s["image"]), e(s["caption"]),
                                 e(s["caption"]), e(s["credit"])),
        '<section name="articleBody" class="css-body">',
        "\n".join('<div class="css-53u6y8">%s</div>' % x
                  for x in body_html(s, i, "modern").split("\n")),
        '</section>',
        '<div class="css-tags">%s</div>' % " ".join(
            '<a href="#">%s</a>' % e(t.strip())
            for t in s.get("tags", "").split(",") if t.strip()),
        '</div>',
        teaser_list(s, i, lg["mostread"], 5, 1, "css-mostread"),
        teaser_list(s, i, lg["related"], 3, 5, "css-related", True),
        comments_html(s) if s.get("comments") or s.get("form") == "yes"
        else "",
        footer(s, "css-footer"), cookie(s, "css-consent"),
        '</div></div></body></html>'])


def style_live(s, i):
    lg = L[s["lang"]]
    entries, out, cur = [], [], None
    for kind, v in s["blocks"]:
        if kind == "entry":
            cur = [v, []]
            entries.append(cur)
        elif cur is not None:
            cur[1].append((kind, v))
    keyev = "".join('<li><a href="#e%d">%s %s</a></li>'
                    % (k, t, e(title))
                    for k, ((t, title), _) in enumerate(entries[:4]))
    for k, ((t, title), blocks) in enumerate(entries):
        inner = "\n".join(block_html(kind, v, "live")
                          for kind, v in blocks)
        out.append('<div class="live-post" id="e%d"><div class="live-post__'
                   'meta"><time datetime="%sT%s">%s</time> <span class='
                   '"live-post__author">%s</span></div><h3 class="live-post'
                   '__title">%s</h3><div class="live-post__body">%s</div>'
                   '<div class="live-post__share"><a href="#e%d">%s</a> '
                   '<a href="#">Facebook</a> <a href="#">X</a></div></div>'
                   % (k, s["date"][:10], t, t, e(authors(s)[k % len(
                       authors(s))]), e(title), inner, k, e(lg["share"])))
        if k == int(s.get("promo", "-1")):
            out.append(newsletter(s, "live-promo"))
    out.reverse()  # newest first, as live pages show them
    return "\n".join([
        head(s), '<body class="liveblog">', cookie(s),
        '<header class="site-head"><a class="brand" href="/">%s</a>%s'
        '</header>' % (e(s["site"]), menu_ul(s, "topnav")),
        '<nav class="crumbs">%s</nav>' % crumbs(s, " / "),
        '<main><div class="live-header"><span class="live-badge">%s</span>'
        '<h1>%s</h1><p class="live-intro">%s</p><p class="live-meta">%s, '
        '%s · %s %s</p><div class="share">%s</div></div>'
        % (e(lg["live"]), e(s["headline"]), e(s["standfirst"]),
           e(byline_text(s)), e(s["place"]), e(lg["updated"]),
           show_date(s, s["lang"]), share_links(s) + " " + tool_links(s)),
        figure(s),
        '<section class="key-events"><h2>%s</h2><ul>%s</ul></section>'
        % (e(lg["keyev"]), keyev),
        '<button class="live-refresh">%s</button>' % e(lg["refresh"]),
        '<div class="live-feed">', "\n".join(out), '</div>',
        teaser_list(s, i, lg["related"], 4, 2, "related-live"),
        '</main>', teaser_list(s, i, lg["mostread"], 5, 6, "most-read"),
        footer(s), '</body></html>'])


def style_gallery(s, i):
    lg = L[s["lang"]]
    slides = [x.split("|", 1) for x in s.get("slides", "").split(";;")
              if "|" in x]
    sl = "\n".join(
        '<div class="gallery__slide"><img src="/img/g%d.jpg" alt="%s" '
        'loading="lazy"><div class="gallery__caption"><span class="count">'
        '%s</span><p>%s</p><span class="credit">%s: %s</span></div></div>'
        % (k, e(cap.strip()), e(lg["gallery"].format(i=k + 1,
                                                     n=len(slides))),
           e(cap.strip()), e(lg["photo"]), e(cred.strip()))
        for k, (cred, cap) in enumerate(slides))
    return "\n".join([
        head(s), '<body class="gallery-page">', cookie(s),
        '<header class="header">%s %s</header>'
        % ('<a href="/" class="logo">%s</a>' % e(s["site"]),
           menu_ul(s, "nav")),
        '<main><nav class="bc">%s</nav><article class="gallery-article">'
        % crumbs(s),
        '<h1 class="gallery__title">%s</h1><p class="gallery__dek">%s</p>'
        % (e(s["headline"]), e(s["standfirst"])),
        '<p class="meta">%s · %s · %s</p><div class="share">%s %s</div>'
        % (e(byline_text(s)), e(s["place"]), show_date(s, s["lang"]),
           share_links(s), tool_links(s)),
        figure(s),
        '<div class="gallery__intro">', body_html(s, i, "micro"), '</div>',
        '<div class="gallery" data-count="%d">%s</div>' % (len(slides), sl),
        '</article>',
        teaser_list(s, i, lg["related"], 4, 3, "more-galleries", True),
        teaser_list(s, i, lg["mostread"], 5, 0, "most-read"),
        '</main>', footer(s), '</body></html>'])


STYLES = {"wp": style_wp, "soup": style_soup, "micro": style_micro,
          "modern": style_modern, "live": style_live,
          "gallery": style_gallery}


def render(s, i):
    return STYLES[s["style"]](s, i) + "\n"
