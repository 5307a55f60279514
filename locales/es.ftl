# Las palabras de Ramp en español. Las mismas claves que en.ftl (xtask test lo comprueba).

## Cómo se escriben los números y las fechas
number-decimal = ,
number-group = .
percent = { $n } %
month-label = { $month } { $year }
week-label = Semana { $week } de { $year }
date-label = { $day } { $month } { $year }
month-1 = ene
month-2 = feb
month-3 = mar
month-4 = abr
month-5 = may
month-6 = jun
month-7 = jul
month-8 = ago
month-9 = sept
month-10 = oct
month-11 = nov
month-12 = dic

## El marco de la aplicación
skip-to-content = Ir al contenido
settings = Ajustes
opening-data = Abriendo sus datos…
cannot-open-data = Ramp no puede abrir sus datos en este dispositivo

## La etiqueta de guardado y sincronización
saved-on-device = Guardado en este dispositivo
saving = Guardando…
not-saved = No guardado
conflicts-to-resolve = { $count ->
    [one] { $count } conflicto por resolver
   *[other] { $count } conflictos por resolver
}
changes-refused = { $count ->
    [one] { $count } cambio rechazado
   *[other] { $count } cambios rechazados
}
changes-waiting = { $count ->
    [0] nada pendiente de enviar
    [one] { $count } cambio sin enviar
   *[other] { $count } cambios sin enviar
}
on-this-device-only = Solo en este dispositivo
syncing = Sincronizando…
sync-offline = Sin conexión: { $waiting }
sync-sign-in-again = Inicie sesión de nuevo · { $waiting }
sync-local-team-waiting = Equipo local por trasladar (Ajustes) · { $waiting }
sync-failed = Falló la sincronización · { $waiting }
not-synced-yet = Aún sin sincronizar
synced-at = Sincronizado a las { $time }

## Errores
error-storage-unavailable = Este navegador no deja que Ramp guarde datos en el dispositivo. Salga de la navegación privada o permita los datos de este sitio, y vuelva a cargar.
error-storage-full = El almacenamiento del dispositivo está lleno, así que este cambio no se guardó. Libere espacio (Ajustes muestra cuánto usa Ramp) y vuelva a intentarlo: lo que escribió sigue aquí.
error-storage-failed = El almacenamiento del dispositivo rechazó el cambio ({ $name }). Lo que escribió sigue aquí; vuelva a intentarlo.
error-offline = Sin conexión con el servidor: sus cambios esperan en este dispositivo.
error-sign-in-needed = Inicie sesión de nuevo para enviar sus cambios: esperan a salvo en este dispositivo.
error-refused = El servidor respondió: { $reason }.
error-server-failed = El servidor no pudo recibir los cambios ({ $what }); esperan en este dispositivo.
error-local-team-waiting = Su equipo de antes de iniciar sesión está esperando: trasládelo a su equipo en Ajustes.
error-device-clash = Este navegador comparte su identidad con otro dispositivo; Ramp le está dando una nueva.
error-file = El navegador no pudo guardar ni leer el archivo. Vuelva a intentarlo.

## Ajustes
language = Idioma
language-choice = Ramp habla
language-hint = Ramp sigue el idioma del navegador hasta que usted elija uno aquí. La elección se guarda en este dispositivo.
device-counts = { $teams }, { $cycles }, { $changes ->
    [one] { $changes } cambio
   *[other] { $changes } cambios
} aún sin llegar a un servidor
data-on-device = Datos en este dispositivo
asking-browser = Preguntando al navegador…
storage-kept = Conservados: el navegador se ha comprometido a no borrar los datos de Ramp cuando falte espacio.
storage-not-kept = Aún no conservados: el navegador podría borrar los datos de Ramp si el dispositivo se queda sin espacio.
keep-data = Conservar los datos de Ramp en este dispositivo
this-device = Este dispositivo
device-id = Identificador del dispositivo:
password-changed = Su contraseña ha cambiado. { $count ->
    [one] Se cerró la sesión en { $count } otro dispositivo.
   *[other] Se cerró la sesión en { $count } otros dispositivos.
}
change-password = Cambiar su contraseña
change-password-button = Cambiar la contraseña
current-password = Contraseña actual
new-password = Contraseña nueva (10 caracteres o más)
usage-of-quota = Usa { $usage } de { $quota } disponibles para Ramp.
usage = Usa { $usage }.
usage-unknown = El navegador no indica cuánto espacio usa Ramp.
gigabytes = { $n } GB
megabytes = { $n } MB
kilobytes = { $n } kB
bytes = { $n } bytes
import-backup = Importar una copia de seguridad de un equipo
import-backup-hint = Un archivo de copia descargado desde la página de un equipo. Añade lo que falta en este dispositivo y rellena los campos en blanco; nunca sobrescribe lo que ya hay.
backup-file = Archivo de copia (JSON)
import = Importar
choose-backup-first = Elija primero un archivo de copia.
import-nothing-new = Nada nuevo: este dispositivo ya tenía todo lo de la copia.
import-filled = Se { $count ->
    [one] rellenó { $count } campo en blanco
   *[other] rellenaron { $count } campos en blanco
} en este dispositivo.
imported = Importado: { $what }.
import-kept = { $count ->
    [one] { $count } valor de este dispositivo difiere de la copia y se conservó tal cual.
   *[other] { $count } valores de este dispositivo difieren de la copia y se conservaron tal cual.
}
import-skipped = { $count ->
    [one] Se omitió { $count } parte del archivo:
   *[other] Se omitieron { $count } partes del archivo:
}
open-the-team = Abrir el equipo

## Recuentos de registros
count-team = { $count ->
    [one] { $count } equipo
   *[other] { $count } equipos
}
count-aim = { $count ->
    [one] { $count } objetivo
   *[other] { $count } objetivos
}
count-measure = { $count ->
    [one] { $count } medida
   *[other] { $count } medidas
}
count-datapoint = { $count ->
    [one] { $count } dato
   *[other] { $count } datos
}
count-driver = { $count ->
    [one] { $count } impulsor
   *[other] { $count } impulsores
}
count-change_idea = { $count ->
    [one] { $count } idea de cambio
   *[other] { $count } ideas de cambio
}
count-cycle = { $count ->
    [one] { $count } ciclo PDSA
   *[other] { $count } ciclos PDSA
}
count-report = { $count ->
    [one] { $count } informe mensual
   *[other] { $count } informes mensuales
}
count-comment = { $count ->
    [one] { $count } comentario
   *[other] { $count } comentarios
}
count-collaborative = { $count ->
    [one] { $count } colaborativo
   *[other] { $count } colaborativos
}
count-session = { $count ->
    [one] { $count } evento del calendario
   *[other] { $count } eventos del calendario
}
count-measure_def = { $count ->
    [one] { $count } medida común
   *[other] { $count } medidas comunes
}

## Iniciar sesión
sign-in = Iniciar sesión
sign-in-lead = Inicie sesión una vez, con conexión, para compartir el trabajo de su equipo. Después Ramp funciona sin conexión y envía los cambios cuando puede.
email = Correo electrónico
password = Contraseña
joining-a-team = ¿Se une a un equipo?
joining-hint = Use el código de invitación que le dio el líder o el asesor de su equipo.
join-the-team = Unirse al equipo
invite-code = Código de invitación
your-name = Su nombre
choose-password = Elija una contraseña (10 caracteres o más)
forgot-password = ¿Olvidó su contraseña?
forgot-password-hint = Pida un código de restablecimiento al profesorado de su colaborativo y elija aquí una contraseña nueva. Cierra su sesión en todos los demás dispositivos.
set-new-password = Establecer la contraseña nueva
reset-code = Código de restablecimiento
please-wait = Espere, por favor…

## Los campos de las hojas de trabajo (ramp_core::schema::keys)
section-about = El ciclo
section-plan = Planificar
section-do = Hacer
section-study = Estudiar
section-act = Actuar
section-aim = ¿Qué intentamos lograr?
section-measure = La medida
section-definition = Definición operativa
section-goal = Línea de base y meta
section-collection = Recogida de datos
section-chart = El gráfico
section-point = Dato
section-driver = El impulsor
section-idea = La idea de cambio
section-report = Este mes
section-self-score = La evaluación del equipo
section-review = La evaluación del profesorado o del asesor
section-comment = Comentario
section-collaborative = El colaborativo
section-session = Evento del calendario
section-common = Medida común
section-proposal = Para el paquete de cambios
section-storyboard = Para la sesión de aprendizaje
section-sharing = Activar o desactivar el intercambio
field-team-name = Nombre del equipo
field-team-name-hint = Como le conoce el colaborativo, p. ej. «Equipo de caídas de la planta 7».
field-team-name-required = Dé un nombre al equipo, para que sus miembros puedan encontrarlo.
field-team-organization = Organización
field-team-site = Lugar
field-team-site-hint = Planta, consulta o unidad.
field-aim-what = Qué mejorará
field-aim-what-hint = En pocas palabras, p. ej. «reducir las caídas con daño», «citas en el mismo día».
field-aim-how_much = Cuánto (un número)
field-aim-how_much-hint = p. ej. 50
field-aim-unit = …de qué
field-aim-unit-hint = p. ej. «% menos», «% de los pacientes», «días o menos».
field-aim-by_when = Para cuándo
field-aim-by_when-hint = Una fecha, no «pronto».
field-aim-population = Para quién
field-aim-population-hint = Los pacientes o las personas, p. ej. «adultos mayores de 65 años».
field-aim-place = Dónde
field-aim-place-hint = Planta, consulta, servicio.
field-aim-baseline = Punto de partida
field-aim-baseline-hint = p. ej. «9 caídas por 1.000 días de estancia en 2025».
field-aim-statement = Enunciado del objetivo
field-aim-statement-hint = Una frase que todo el equipo pueda repetir: cuánto, para cuándo, para quién.
field-measure-name = Nombre de la medida
field-measure-name-hint = p. ej. «Caídas por 1.000 días de estancia».
field-measure-name-required = Dé un nombre a la medida, para que el equipo pueda encontrarla.
field-measure-measure_type = Tipo de medida
field-measure-measure_type-hint = Resultado: el efecto; proceso: el trabajo; equilibrio: lo que podría empeorar.
field-measure-measure_type-required = Indique si es una medida de resultado, de proceso o de equilibrio.
field-measure-measure_type-is-outcome = Resultado
field-measure-measure_type-is-process = Proceso
field-measure-measure_type-is-balancing = Equilibrio
field-measure-value_type = Cómo se calcula
field-measure-value_type-required = Indique cómo se calcula la medida, para poder introducir sus datos.
field-measure-value_type-is-proportion = Porcentaje: numerador ÷ denominador
field-measure-value_type-is-rate = Tasa: numerador por N del denominador
field-measure-value_type-is-count = Recuento de sucesos
field-measure-value_type-is-continuous = Medición: tiempo, puntuación, peso…
field-measure-frequency = Con qué frecuencia
field-measure-frequency-is-monthly = Mensual
field-measure-frequency-is-weekly = Semanal
field-measure-direction = Mejorar significa
field-measure-direction-is-up = Más alto es mejor
field-measure-direction-is-down = Más bajo es mejor
field-measure-definition = Definición operativa
field-measure-definition-hint = Exactamente qué cuenta y qué no, para que cualquiera obtenga el mismo número.
field-measure-numerator = Numerador
field-measure-numerator-hint = Lo que se cuenta, p. ej. «pacientes cribados».
field-measure-denominator = Denominador
field-measure-denominator-hint = Sobre qué total, p. ej. «pacientes ingresados».
field-measure-rate_per = Tasa por
field-measure-rate_per-hint = Para tasas: p. ej. 1000 para «por 1.000 días de estancia».
field-measure-unit = Unidad
field-measure-unit-hint = p. ej. minutos, caídas por 1.000 días de estancia.
field-measure-baseline = Línea de base
field-measure-baseline-hint = Dónde empieza la medida, en su unidad.
field-measure-goal = Meta
field-measure-goal-hint = Adonde el objetivo dice que debe llegar.
field-measure-chart = Gráfico
field-measure-chart-hint = Un gráfico de ejecución para empezar; un gráfico de control cuando haya 20 puntos.
field-measure-chart-is-run = Gráfico de ejecución
field-measure-chart-is-spc = Gráfico de control (SPC) según el tipo de medida
field-measure-chart-is-i = Gráfico I (mediciones individuales)
field-measure-chart-is-t = Gráfico T (días entre sucesos raros)
field-measure-chart-is-g = Gráfico G (casos entre sucesos raros)
field-measure-chart-is-c = Gráfico C (recuentos)
field-measure-chart-is-p = Gráfico P (porcentajes)
field-measure-chart-is-pp = Gráfico P′ (porcentajes, denominadores grandes)
field-measure-chart-is-u = Gráfico U (tasas)
field-measure-chart-is-up = Gráfico U′ (tasas, denominadores grandes)
field-measure-rules = Reglas para las señales
field-measure-rules-is-ihi = Reglas del IHI (gráficos de ejecución) · reglas de Shewhart (gráficos de control)
field-measure-rules-is-anhoej = Reglas de Anhøj (con puntos fuera de los límites en los gráficos de control)
field-measure-rules-is-mdc = Reglas de Making Data Count (NHS England; gráficos de control)
field-measure-two_sigma = Líneas de 2 sigmas
field-measure-two_sigma-hint = En los gráficos de control: dibujar también líneas a dos tercios de camino de cada límite.
field-measure-two_sigma-is-no = No
field-measure-two_sigma-is-yes = Sí, dibujarlas
field-measure-freeze = Congelar la línea de base tras este número de puntos
field-measure-freeze-hint = La línea central y los límites de los primeros puntos se prolongan hacia delante. Déjelo vacío para usar todos los puntos.
field-measure-freeze_reason = Por qué se congela la línea de base
field-measure-phases = Cambios de fase
field-measure-phases-hint = Donde cambió el proceso: la línea central y los límites se recalculan desde ahí.
field-measure-phases-row = cambio de fase
field-measure-phases-col-from = Desde (mes, AAAA-MM, o el lunes de la semana)
field-measure-phases-col-reason = Motivo
field-measure-collect_who = Quién los recoge
field-measure-collect_how = Cómo
field-measure-collect_how-hint = Fuente, muestreo, hoja de recuento…
field-measure-collect_when = Cuándo
field-measure-collect_when-hint = p. ej. «cada lunes, la semana anterior».
field-measure-common = Medida común
field-measure-common-hint = La medida común del colaborativo de la que informa esta medida, si la hay.
field-datapoint-measure = Medida
field-datapoint-measure-required = Elija la medida a la que pertenecen estos datos.
field-datapoint-period = Periodo
field-datapoint-period-required = Indique de qué mes o semana se trata.
field-datapoint-numerator = Numerador
field-datapoint-denominator = Denominador
field-datapoint-value = Valor
field-datapoint-note = Nota
field-datapoint-note-hint = Cualquier cosa que explique este punto.
field-datapoint-astronomical = ¿Punto astronómico?
field-datapoint-astronomical-hint = Un valor que todos considerarían muy inusual. Se marca en el gráfico de ejecución.
field-datapoint-astronomical-is-no = No
field-datapoint-astronomical-is-yes = Sí, claramente inusual
field-datapoint-exclude = ¿Dejar fuera de los cálculos?
field-datapoint-exclude-hint = Para un punto que sabe que tiene otra causa (un error de datos, un hecho aislado): sigue en el gráfico, marcado, pero la línea central, los límites y las reglas no lo tienen en cuenta.
field-datapoint-exclude-is-no = No, usarlo
field-datapoint-exclude-is-yes = Sí, dejarlo fuera
field-datapoint-exclude_reason = Por qué se deja fuera
field-datapoint-exclude_reason-hint = Se indica junto al punto en el gráfico.
field-driver-level = Nivel
field-driver-level-required = Indique si es un impulsor primario o secundario.
field-driver-level-is-primary = Impulsor primario
field-driver-level-is-secondary = Impulsor secundario
field-driver-text = Impulsor
field-driver-text-hint = Lo que debe estar en marcha para alcanzar el objetivo.
field-driver-text-required = Escriba el impulsor.
field-driver-links = Impulsores primarios a los que sirve
field-driver-links-hint = Para un impulsor secundario: a qué impulsores primarios alimenta.
field-change_idea-text = Idea de cambio
field-change_idea-text-hint = Un cambio que probar, p. ej. «reunión breve de seguridad en el cambio de turno».
field-change_idea-text-required = Escriba la idea de cambio.
field-change_idea-description = Descripción
field-change_idea-description-hint = En qué consiste el cambio y de dónde viene.
field-change_idea-drivers = Impulsores secundarios sobre los que actúa
field-change_idea-source = Adoptada de
field-change_idea-source-hint = La idea de cambio del colaborativo de la que se adoptó la idea de este equipo, si la hay.
field-change_idea-proposed = ¿Proponerla para el paquete de cambios?
field-change_idea-proposed-hint = Cuando le funcione, el profesorado puede añadirla al paquete de cambios del colaborativo para todos los equipos, con su equipo nombrado como origen.
field-change_idea-proposed-is-no = No
field-change_idea-proposed-is-yes = Sí, proponerla
field-change_idea-origin = Procede de
field-change_idea-origin-hint = La idea de cambio del equipo de la que se aceptó una idea del paquete.
field-change_idea-origin_team = Procede del equipo
field-cycle-title = Título del ciclo
field-cycle-title-hint = Unas palabras que el equipo reconozca en la lista.
field-cycle-title-required = Dé un título al ciclo, para que el equipo pueda encontrarlo en la lista.
field-cycle-change_idea = Idea de cambio que se prueba
field-cycle-change_idea-hint = El cambio que prueba este ciclo, de entre las ideas de cambio del equipo.
field-cycle-change_idea-required = Elija la idea de cambio: cada ciclo PDSA prueba un cambio.
field-cycle-previous = Sigue al ciclo
field-cycle-previous-hint = El ciclo sobre el que se construye este, si es el siguiente paso de una rampa.
field-cycle-measure = Medida que debería mover
field-cycle-measure-hint = Cuál de las medidas del equipo debería mostrar el cambio.
field-cycle-objective_type = Objetivo de este ciclo
field-cycle-objective_type-is-collect_data = Recoger datos
field-cycle-objective_type-is-develop = Desarrollar un cambio
field-cycle-objective_type-is-test = Probar un cambio
field-cycle-objective_type-is-implement = Implantar un cambio
field-cycle-objective_type-is-spread = Difundir un cambio
field-cycle-objective = Objetivo
field-cycle-objective-hint = Lo que este ciclo pretende averiguar o conseguir.
field-cycle-scale = Escala de la prueba
field-cycle-scale-hint = Empiece en pequeño: un paciente, un profesional, un día.
field-cycle-start = Fecha de inicio
field-cycle-end = Fecha de fin
field-cycle-predictions = Preguntas y predicciones
field-cycle-predictions-hint = ¿Qué quiere aprender y qué predice que ocurrirá?
field-cycle-predictions-row = pregunta
field-cycle-predictions-col-question = Pregunta
field-cycle-predictions-col-prediction = Predicción
field-cycle-tasks = Tareas para hacer la prueba
field-cycle-tasks-hint = Qué hay que hacer, quién, cuándo y dónde.
field-cycle-tasks-row = tarea
field-cycle-tasks-col-what = Qué
field-cycle-tasks-col-who = Quién
field-cycle-tasks-col-when = Cuándo
field-cycle-tasks-col-where = Dónde
field-cycle-data_plan = Plan de recogida de datos
field-cycle-data_plan-hint = Quién recoge qué, cuándo y cómo.
field-cycle-ran_as_planned = ¿Se llevó a cabo el ciclo según lo planificado?
field-cycle-ran_as_planned-is-yes = Sí
field-cycle-ran_as_planned-is-partly = En parte
field-cycle-ran_as_planned-is-no = No
field-cycle-observations = ¿Qué observó?
field-cycle-problems = Problemas y sorpresas
field-cycle-matched_predictions = ¿Coincidieron los resultados con sus predicciones?
field-cycle-matched_predictions-is-yes = Sí
field-cycle-matched_predictions-is-partly = En parte
field-cycle-matched_predictions-is-no = No
field-cycle-comparison = Compare los resultados con sus predicciones
field-cycle-learning = ¿Qué aprendió?
field-cycle-decision = Decisión
field-cycle-decision-hint = Adaptar, adoptar o abandonar el cambio.
field-cycle-decision-is-adapt = Adaptar
field-cycle-decision-is-adopt = Adoptar
field-cycle-decision-is-abandon = Abandonar
field-cycle-next_steps = Próximos pasos y próximo ciclo
field-report-month = Mes
field-report-month-required = Indique qué mes cubre este informe.
field-report-progress = Avances de este mes
field-report-progress-hint = Qué hizo el equipo y qué se movió.
field-report-achievements = Logros
field-report-achievements-hint = Lo que salió bien; de lo que están orgullosos.
field-report-barriers = Obstáculos
field-report-barriers-hint = Lo que se interpuso.
field-report-help_needed = Ayuda necesaria
field-report-help_needed-hint = Lo que le gustaría recibir del profesorado, de su asesor o de otros equipos.
field-report-self_score = Dónde está el equipo en la escala de evaluación
field-report-self_score-hint = Su propia opinión de dónde está el equipo este mes.
field-report-self_score-is-0_5 = 0,5 — Intención de participar: el equipo se ha inscrito y formado, nada más por ahora.
field-report-self_score-is-1_0 = 1,0 — Equipo formado, meta fijada: el equipo tiene un objetivo y ha empezado a planificar.
field-report-self_score-is-1_5 = 1,5 — Ha comenzado la planificación del proyecto: investigación y debate, aún sin cambios probados.
field-report-self_score-is-2_0 = 2,0 — Actividad, pero sin cambios: se informan las medidas y se planifican los primeros ciclos PDSA.
field-report-self_score-is-2_5 = 2,5 — Cambios probados, pero sin mejora: hay ciclos en marcha, las medidas aún no se han movido.
field-report-self_score-is-3_0 = 3,0 — Mejora modesta: las pruebas han dado lugar a cambios; las medidas de proceso muestran alguna mejora.
field-report-self_score-is-3_5 = 3,5 — Mejora: las medidas de proceso siguen mejorando y las de resultado empiezan a moverse.
field-report-self_score-is-4_0 = 4,0 — Mejora significativa: se cumple la mitad de las metas del objetivo; las medidas de resultado muestran una mejora sostenida.
field-report-self_score-is-4_5 = 4,5 — Mejora sostenible: la mayoría de las metas se cumplen desde hace tres meses o más; ha comenzado la difusión.
field-report-self_score-is-5_0 = 5,0 — Resultados sostenibles excepcionales: se cumplen y mantienen todas las metas del objetivo; los cambios se difunden.
field-report-faculty_score = Puntuación del profesorado o del asesor
field-report-faculty_score-hint = La opinión del profesorado o del asesor sobre el mismo mes.
field-report-faculty_score-is-0_5 = 0,5 — Intención de participar: el equipo se ha inscrito y formado, nada más por ahora.
field-report-faculty_score-is-1_0 = 1,0 — Equipo formado, meta fijada: el equipo tiene un objetivo y ha empezado a planificar.
field-report-faculty_score-is-1_5 = 1,5 — Ha comenzado la planificación del proyecto: investigación y debate, aún sin cambios probados.
field-report-faculty_score-is-2_0 = 2,0 — Actividad, pero sin cambios: se informan las medidas y se planifican los primeros ciclos PDSA.
field-report-faculty_score-is-2_5 = 2,5 — Cambios probados, pero sin mejora: hay ciclos en marcha, las medidas aún no se han movido.
field-report-faculty_score-is-3_0 = 3,0 — Mejora modesta: las pruebas han dado lugar a cambios; las medidas de proceso muestran alguna mejora.
field-report-faculty_score-is-3_5 = 3,5 — Mejora: las medidas de proceso siguen mejorando y las de resultado empiezan a moverse.
field-report-faculty_score-is-4_0 = 4,0 — Mejora significativa: se cumple la mitad de las metas del objetivo; las medidas de resultado muestran una mejora sostenida.
field-report-faculty_score-is-4_5 = 4,5 — Mejora sostenible: la mayoría de las metas se cumplen desde hace tres meses o más; ha comenzado la difusión.
field-report-faculty_score-is-5_0 = 5,0 — Resultados sostenibles excepcionales: se cumplen y mantienen todas las metas del objetivo; los cambios se difunden.
field-report-faculty_note = Por qué esta puntuación
field-report-faculty_note-hint = Una línea para el equipo sobre en qué se basa la puntuación.
field-report-learned = Lo que aprendimos
field-report-learned-hint = Para el storyboard de la sesión de aprendizaje de este mes: lo que les enseñaron sus pruebas.
field-report-next = Lo que sigue
field-report-next-hint = Para el storyboard: lo que probarán o difundirán en el próximo periodo de acción.
field-comment-target = Sobre
field-comment-target-required = Indique de qué trata el comentario.
field-comment-text = Comentario
field-comment-text-required = Escriba el comentario.
field-collaborative-name = Nombre del colaborativo
field-collaborative-name-hint = p. ej. «Plantas más seguras 2027».
field-collaborative-name-required = Dé un nombre al colaborativo, para que los equipos lo reconozcan.
field-collaborative-topic = Tema
field-collaborative-topic-hint = p. ej. «Reducir las caídas con daño».
field-collaborative-aim = El objetivo del colaborativo
field-collaborative-aim-hint = Cuánto, para cuándo, para quién, en todos los equipos.
field-collaborative-start = Empieza
field-collaborative-end = Termina
field-collaborative-sharing = Compartir entre equipos
field-collaborative-sharing-hint = Si está activado, los miembros y asesores leen (nunca cambian) los objetivos, medidas, ideas de cambio y ciclos de los otros equipos, y pueden comentarlos.
field-collaborative-sharing-is-off = Desactivado: cada equipo ve solo su propio trabajo
field-collaborative-sharing-is-on = Activado: los equipos leen los objetivos, medidas, ideas y ciclos de los demás
field-session-session_type = Evento
field-session-session_type-required = Indique qué tipo de evento es.
field-session-session_type-is-expert_meeting = Reunión de expertos
field-session-session_type-is-learning_session = Sesión de aprendizaje
field-session-session_type-is-action_period = Periodo de acción
field-session-session_type-is-outcomes_congress = Congreso de resultados
field-session-number = Número
field-session-number-hint = p. ej. 2 para la sesión de aprendizaje 2.
field-session-start = Empieza
field-session-start-required = Indique la fecha en que empieza.
field-session-end = Termina
field-session-place = Dónde
field-session-place-hint = Un lugar, u «en línea».

## Qué falla en un valor (ramp_core::schema::Issue::code)
issue-required = Rellene este campo.
issue-too_long = Es demasiado largo: no pase de { $max } caracteres.
issue-too_many_rows = Tiene demasiadas filas: no pase de { $max }.
issue-not_a_date = Esto no es una fecha: use el selector de fechas o escríbala como AAAA-MM-DD.
issue-end_before_start = La fecha de fin es anterior a la de inicio.
issue-not_a_choice = Elija una de las opciones ofrecidas.
issue-wrong_type = Este valor no es del tipo de este campo.
issue-unknown_field = Este tipo de registro no tiene ese campo.
issue-bad_scope = Este registro no pertenece a donde dice.
issue-not_a_number = Esto no es un número: escríbalo con cifras, como 12 o 3{ $decimal }5.
issue-fraction = Escriba las fracciones como decimales: 0{ $decimal }5 para la mitad, 2{ $decimal }25 para dos y cuarto.
issue-exponent = Escriba el número completo, como 1000.
issue-grouping = Agrupe los miles de tres en tres, o escriba el número sin separadores (1250).
issue-out_of_range_from = No puede ser negativo ni mayor que { $max }. Use al menos { $min }.
issue-out_of_range = No puede ser negativo ni mayor que { $max }.
issue-out_of_range_between = Use un número entre { $min } y { $max }.
issue-not_whole = Es un recuento: use un número entero.
issue-not_a_period = Esto no es un mes ni una semana: elija uno del calendario.
issue-not_a_link = Este enlace no apunta a un registro: elija uno de la lista.
issue-above_hundred = El numerador es mayor que el denominador: un porcentaje no puede pasar del 100 %.
issue-zero_denominator = El denominador es 0: no hay nada entre lo que dividir. Revise el recuento.
issue-missing_number = Introduzca { $what ->
    [numerator] el numerador
    [denominator] el denominador
    [count] el recuento
   *[value] el valor
}.
issue-faculty_only = Solo el profesorado del colaborativo puede cambiar esto.
issue-reviewers_only = Solo el profesorado del colaborativo o el asesor del equipo pueden puntuar esto.
issue-comment_written = Un comentario no se puede cambiar una vez escrito; añada otro.
issue-not_a_month = Los informes son mensuales: elija un mes.
issue-not_yours = No puede cambiar las hojas de trabajo de este equipo.
issue-derived_id = El identificador de este registro pertenece a otro registro (difieren su equipo, tipo, mes, medida u origen).
issue-too_many_siblings = Este campo ya tiene { $max } valores en conflicto: resuelva el conflicto y vuelva a escribirlo.
issue-no_longer_on_team = Ya no está en este equipo: el profesorado del colaborativo le retiró, así que este cambio no se envió.
issue-clock_ahead = El reloj de este dispositivo va más de { $hours } horas por delante del servidor: ajuste la fecha y la hora y vuelva a guardar.

## Campos
choose-option = — elija —
nothing-to-link = Aún no hay nada que enlazar.
required = (obligatorio)
characters-of = { $count } de { $max } caracteres
remove-row = Quitar { $row } { $number }
add-row = Añadir { $row }

## Señales en los gráficos (ramp_core::chart::Signal)
meaning-improvement = Mejora
meaning-deterioration = Empeoramiento
meaning-change = Cambio (dirección incierta)
centre-median = la mediana
centre-mean = la media
centre-name-median = mediana
centre-name-mean = media
signal-with-meaning = { $meaning }: { $signal }
no-signal = Sin señal
signal-shift = Desplazamiento: { $points } puntos { $side ->
    [above] por encima de
   *[below] por debajo de
} { $centre } de { $from } a { $to }
signal-trend = Tendencia: { $points } puntos { $way ->
    [up] en ascenso
   *[down] en descenso
} de { $from } a { $to }
signal-few-runs = Muy pocas rachas: { $runs } rachas en { $points } puntos (se esperaban al menos { $lower })
signal-many-runs = Demasiadas rachas: { $runs } rachas en { $points } puntos (se esperaban como mucho { $upper })
signal-long-run = Racha inusualmente larga: { $points } puntos { $side ->
    [above] por encima de
   *[below] por debajo de
} { $centre } de { $from } a { $to } (la más larga esperada: { $max })
signal-few-crossings = Muy pocos cruces: { $crossings } en { $points } puntos (se esperaban al menos { $min })
signal-two-of-three = 2 de 3 puntos cerca del límite { $side ->
    [upper] superior
   *[lower] inferior
} (tercio exterior) de { $from } a { $to }
signal-hugging = { $points } puntos seguidos cerca de { $centre } (tercio interior) de { $from } a { $to }
signal-astronomical = Punto astronómico (marcado por el equipo): { $at }
signal-beyond = { $side ->
    [upper] Por encima del límite superior
   *[lower] Por debajo del límite inferior
}: { $at }
centre-line-words = Línea central ({ $centre }){ $when ->
    [now] {" "}actual
   *[always] {""}
}: { $value }
limits-words = Límites de control{ $when ->
    [now] {" "}actuales
   *[always] {""}
}: inferior { $lower }, superior { $upper }

## Valores de las medidas
rate-per = { $value } por { $per }
value-with-unit = { $value } { $unit }
latest-value = { $value } · { $period }
no-data-yet = Aún sin datos

## Introducir los datos de una medida
saved-point = Guardado { $period }: { $value }
numerator-denominator = Numerador: { $numerator }. Denominador: { $denominator }.
enter-this-week = Introducir los datos de esta semana
enter-this-month = Introducir los datos de este mes
enter-data-for = Introducir datos de { $period }
enter-data = Introducir datos
back-to-this-week = Volver a esta semana
back-to-this-month = Volver a este mes
entry-week = Semana (cualquier día de ella)
entry-month = Mes
period-has-data = { $period } ya tiene datos: los está corrigiendo.
period-no-data = { $period }: aún sin datos.
leave-point-out = Dejar este punto fuera de los cálculos…
save = Guardar
data = Datos
no-data-yet-sentence = Aún no hay datos.
period = Periodo
value = Valor
edit = Editar
edit-period = Editar { $period }

## Las páginas de un equipo
crumb-teams = Equipos
nav-label = Las hojas de trabajo del equipo
nav-overview = Resumen
nav-aim = Objetivo
nav-measures = Medidas
nav-drivers = Impulsores e ideas
nav-cycles = Ciclos PDSA
nav-reports = Informes
nav-storyboard = Storyboard
nav-activity = Actividad
nav-people = Personas
removed-title = Ya no está en este equipo
removed-text = El profesorado del colaborativo le retiró del equipo. Este dispositivo conserva lo que tiene del equipo para que lo lea, y no recibe nada más.
removed-unsent-before = Los cambios que no había enviado no se pierden: figuran en{" "}
removed-unsent-after = , con el motivo, para copiarlos o descargarlos.
other-team-title = El trabajo de otro equipo
other-team-text = Su colaborativo comparte el trabajo de sus equipos, así que puede leer el objetivo, las medidas, las ideas de cambio y los ciclos de este equipo, y comentarlos. Solo el equipo los cambia.
sharing-ended-title = Se dejó de compartir
sharing-ended-text = El profesorado del colaborativo dejó de compartir entre equipos. Este dispositivo conserva lo que recibió de este equipo hasta entonces, para que lo lea; no llega nada nuevo y ya no puede comentar.
print-as-of = Datos a { $when } (la última sincronización de este dispositivo)
print-as-of-unsynced = Datos de este dispositivo a { $when }; sin sincronizar desde que se abrió, así que pueden faltar cambios de otros dispositivos
day-and-time = { $day } { $month } { $time }
clock-ahead = { $when } (el reloj de ese dispositivo va adelantado)
title-cycles = { $team } · Ciclos PDSA
start-cycle = Iniciar un ciclo PDSA
newest-shown = , se muestran los { $count } más recientes
show-older-cycles = Mostrar ciclos anteriores

## Iniciar un ciclo
new-idea-option = + Una idea de cambio nueva…
new-idea = Idea de cambio nueva
new-idea-hint = Se suma a las ideas de cambio del equipo; enlácela con los impulsores más tarde.
back-to-team = Volver al equipo
next-cycle-lead = El siguiente ciclo de la rampa: ¿qué cambiará y cuánto mayor será la prueba?
new-cycle-lead = Nombre la prueba y el cambio que ensaya. Planificar, Hacer, Estudiar y Actuar pueden completarse más tarde.
start-the-cycle = Iniciar el ciclo

## Inicio
your-teams = Sus equipos
open-dashboard = Abrir el panel
collaboratives = Colaborativos
welcome = Bienvenido a Ramp
welcome-lead = Planifique, lleve a cabo y aprenda de ciclos PDSA con su equipo, en este dispositivo, con o sin cobertura.
team-after-sync = Su equipo aparece aquí tras la primera sincronización con el servidor.
start-by-naming = Empiece por nombrar a su equipo.
add-another-team = Añadir otro equipo
create-your-team = Cree su equipo
create-team = Crear el equipo
part-of-collab = ¿Forma parte de un colaborativo?
sign-in-or-join = Inicie sesión o únase a su equipo
unread-comments = { $count ->
    [one] { $count } comentario sin leer
   *[other] { $count } comentarios sin leer
}
joined-team = Se ha unido al equipo: aparece aquí tras la sincronización.
already-on-team = Ya está en este equipo, con ese rol: no cambió nada.
name-the-collab = Dé un nombre al colaborativo.
collab-started = Creado: se abre en cuanto se haya sincronizado.
join-or-start = Unirse a otro equipo o crear un colaborativo
join = Unirse
new-collab-name = Nombre de un colaborativo nuevo (usted será su profesorado)
start-it = Crearlo
cycle-tab = Ciclo

## El acompañamiento del objetivo (ramp_core::aim)
aim-gap-what = ¿Qué mejorará? Nómbrelo: «caídas con daño», «tiempo de espera».
aim-gap-number = ¿Cuánto? «Algunos» no es un número: indique uno, p. ej. 50 (% menos).
aim-gap-date = ¿Para cuándo? «Pronto» no es una fecha: indique una.
aim-gap-population = ¿Para quién? Nombre a los pacientes o las personas, p. ej. «mayores de 65 años en las plantas 5 a 7».
aim-gap-vague = El enunciado dice «{ $word }»: diga exactamente cuánto y para cuándo.
aim-vague-words = algunos, algunas, algo, pronto, más, mejor, menos, mejorar, eventualmente, próximamente
aim-vague-always = algunos, algunas, algo, pronto, eventualmente, próximamente
aim-change-verbs = reducir, disminuir, bajar, recortar, aumentar, incrementar, mejorar, subir, duplicar, elevar
aim-comparatives = menos, más, menor, mayor
aim-by-date = Para el { $date },
aim-change-by = { $what } en un { $amount }
aim-change-to = { $what } a { $amount }
aim-comparative = { $amount } { $what }
aim-at = { $what } al { $amount }
aim-amount = { $number } { $unit }
aim-for = para { $population }
aim-in = en { $place }

## La etapa y los recordatorios de un ciclo (ramp_core::cycle)
stage-plan = Planificar
stage-do = Hacer
stage-study = Estudiar
stage-act = Actuar
stage-done-adapted = Terminado: adaptado
stage-done-adopted = Terminado: adoptado
stage-done-abandoned = Terminado: abandonado
prompt-no-prediction = Escriba una pregunta y su predicción antes de hacer la prueba: una prueba sin predicción enseña poco.
prompt-questions-without-prediction = { $count ->
    [one] La pregunta { $numbers } aún no tiene predicción
   *[other] Las preguntas { $numbers } aún no tienen predicción
}: prediga antes de Hacer.
prompt-no-scale = Diga lo pequeña que es la primera prueba: un paciente, un profesional, un día.
prompt-big-first-test = Una primera prueba funciona mejor en pequeño: pruébela una vez antes de probarla en todas partes.
prompt-no-measure = ¿Qué medida debería mover este cambio? Enlace una, para que su gráfico muestre el ciclo.
prompt-next-cycle = Eligió Adaptar: planifique el siguiente ciclo de esta rampa.
cycle-big-scale-words = todo, toda, todos, todas, cada, entero, entera, hospital
cycle-word = ciclo

team-read-only = Puede leer el trabajo de este equipo; solo sus miembros lo cambian.
no-aim-yet = Aún no hay objetivo: ¿qué intentan lograr?
aim-things-missing = { $count ->
    [one] Falta { $count } cosa —
   *[other] Faltan { $count } cosas —
}
finish-the-aim = complete el objetivo
no-measures-yet = Aún no hay medidas: ¿cómo sabrán que un cambio es una mejora?
active-ramps = Rampas en marcha
no-ramp = No hay ninguna rampa en marcha. Los ciclos de cada idea de cambio forman su rampa.
cycles-count = { $count ->
    [one] { $count } ciclo
   *[other] { $count } ciclos
}
recent-cycles = Ciclos PDSA recientes
backup = Copia de seguridad
backup-hint = Una copia de todo el equipo para guardarla o llevarla a otro dispositivo (Ajustes → Importar).
download-backup = Descargar la copia (JSON)
download-csv = Descargar los datos de las medidas (CSV)
enter-this-month-of = Introducir los datos de este mes: { $measure }
no-cycles-yet = Aún no hay ciclos. Un primer ciclo puede ser diminuto: un paciente, un profesional, un día.

read-only-collab = Puede leer los registros del colaborativo; solo su profesorado los cambia.
read-only-removed = Ya no está en este equipo: puede leer lo que guarda este dispositivo, pero no cambiar nada.
read-only-other-team = El trabajo de otro equipo, compartido en su colaborativo: puede leerlo y comentarlo; solo sus miembros lo cambian.
read-only-sharing-ended = Se dejó de compartir: este dispositivo conserva lo que recibió de este equipo hasta entonces y no recibe nada nuevo.
read-only-team = Puede leer las hojas de trabajo de este equipo; solo sus miembros las cambian.
deleted-while-changed = Se eliminó { $kind ->
    [cycle] este ciclo
    [measure] esta medida
    [driver] este impulsor
    [change_idea] esta idea de cambio
   *[other] este registro
} en un dispositivo mientras se cambiaba en otro.
keep-it = Conservar { $kind ->
    [cycle] este ciclo
    [measure] esta medida
    [driver] este impulsor
    [change_idea] esta idea de cambio
   *[other] este registro
}
delete-it = Eliminarlo
delete-this = Eliminar { $kind ->
    [cycle] este ciclo
    [measure] esta medida
    [driver] este impulsor
    [change_idea] esta idea de cambio
   *[other] este registro
}
delete-this-ask = ¿Eliminar { $kind ->
    [cycle] este ciclo
    [measure] esta medida
    [driver] este impulsor
    [change_idea] esta idea de cambio
   *[other] este registro
} para todo el equipo?
someone = Alguien

print-cycle = Hoja de trabajo PDSA
for-a-strong-pdsa = Para un PDSA sólido
parts-of-worksheet = Partes de la hoja de trabajo
plan-next-cycle = Planificar el siguiente ciclo
recall-title = Lo que planificó aprender y lo que predijo
recall-empty = El Plan no tiene preguntas ni predicciones: añádalas en Planificar para comparar.
no-question = (sin pregunta)
predicted = Predicción:
no-prediction = (sin predicción)

title-team-page = { $team } · { $page }
print-aim = Hoja de trabajo del objetivo
before-aim-complete = Antes de que este objetivo esté completo
aim-complete = ✓ El objetivo dice cuánto, para cuándo y para quién.
suggested-wording = Redacción sugerida a partir de las partes de arriba:
use-this-wording = Usar esta redacción
measures-lead = ¿Cómo sabrán que un cambio es una mejora? Medidas de resultado, de proceso y de equilibrio.
no-measures-sentence = Aún no hay medidas.
add-a-measure = Añadir una medida
add-the-measure = Añadir la medida
title-measure = Medida: { $name }
print-measure = Hoja de trabajo de la medida
cycles-for-measure = Ciclos PDSA de esta medida
definition = Definición
two-values = dos valores
title-idea = Idea de cambio: { $name }
drivers-and-ideas = Impulsores e ideas de cambio
ramp-of-cycles = Rampa de ciclos PDSA
no-cycle-for-idea = Ningún ciclo ha probado aún esta idea. Empiece en pequeño: un paciente, un día.
scale-not-given = Escala sin indicar
scale-is = Escala: { $scale }
start-first-cycle-of-idea = Iniciar un primer ciclo de esta idea
start-next-cycle = Iniciar el siguiente ciclo
teams-that-tried = Equipos que lo probaron
from-package = Del paquete de cambios: «{ $text }»
no-other-team-tried = Ningún otro equipo de este dispositivo la ha probado. Los equipos de su colaborativo aparecen aquí cuando su profesorado comparte el trabajo de los equipos, o cuando usted asesora o dirige varios equipos.

monthly-reports = Informes mensuales
write-or-open-report = Escribir o abrir el informe de
open-the-report = Abrir el informe
no-reports-yet = Aún no hay informes. Cada mes el equipo cuenta qué se movió, qué se interpuso y qué ayuda necesita.
score-team = Equipo
score-faculty = Profesorado
point-apart = Un punto o más de diferencia
report-for = Informe de { $month }
print-report = Informe mensual
scores-apart = El equipo puntuó { $own } y el profesorado { $review }: un punto o más de diferencia. Conviene hablarlo en la próxima llamada de asesoría.
team-own-score = La puntuación del propio equipo
coach-score = La puntuación del asesor o del profesorado
cycles-in = Ciclos PDSA de { $month }
latest-signals = Las últimas señales de las medidas
scored-by = Puntuado por { $who }, { $when }
not-scored-yet = Aún sin puntuar.
why = Por qué:
on-cycle = el ciclo PDSA «{ $title }»
on-measure = la medida «{ $name }»
on-aim = el objetivo
on-report = el informe de { $month }
on-team = el equipo
write-comment-first = Escriba primero el comentario.
comments = Comentarios
no-comments-yet = Aún no hay comentarios.
add-a-comment = Añadir un comentario
add-comment = Añadir el comentario
comment-on = { $who } sobre { $what }: «{ $text }»
role-member = miembro
role-coach = asesor
role-faculty = profesorado
role-other-team = otro equipo

aim-not-written = Objetivo (aún sin escribir)
print-drivers = Diagrama de impulsores
drivers-lead = ¿Qué cambios podemos hacer que den lugar a una mejora? Toque un recuadro para abrirlo.
loose-secondaries = Impulsores secundarios aún sin enlazar a un impulsor primario
loose-ideas = Ideas de cambio aún sin enlazar a un impulsor
primary-drivers = Impulsores primarios
secondary-drivers = Impulsores secundarios
change-ideas = Ideas de cambio
add-to-diagram = Añadir al diagrama
a-primary-driver = Un impulsor primario
a-secondary-driver = Un impulsor secundario
a-change-idea = Una idea de cambio
add-primary-driver = Añadir el impulsor primario
add-secondary-driver = Añadir el impulsor secundario
add-change-idea = Añadir la idea de cambio
title-driver = Impulsor: { $name }
secondaries-under = Impulsores secundarios que dependen de él
ideas-working-on = Ideas de cambio que actúan sobre él
none-yet-link-ideas = Aún ninguna: enlace las ideas de cambio desde sus páginas.

removed-value = (eliminado)
conflicting-values = Valores en conflicto
conflict-question = Se cambió en dos dispositivos a la vez. ¿Cuál debe quedarse?
keep-this = Conservar este
written-by = { $who } { $device ->
    [here] en este dispositivo
   *[elsewhere] en otro dispositivo
}, { $when }
empty-value = (vacío)
yes = sí
no = no
unsent-title = Guardado en este dispositivo; llega al equipo cuando este dispositivo se sincroniza
not-sent-yet = Aún sin enviar
new-version = Hay una versión nueva
reload = Volver a cargar
things-need-fixing = { $count ->
    [one] Hay que corregir una cosa
   *[other] Hay que corregir { $count } cosas
} antes de poder guardar (vea arriba).

sign-out-question = { $count ->
    [one] { $count } cambio aún no ha llegado al servidor y se perderá.
   *[other] { $count } cambios aún no han llegado al servidor y se perderán.
} ¿Cerrar sesión de todos modos?
account = Cuenta
signed-in-as = Sesión iniciada como
sign-out = Cerrar sesión y quitar los datos del equipo de este dispositivo
not-signed-in = Sin sesión iniciada: todo se queda en este dispositivo.
local-teams = Creado en este dispositivo antes de iniciar sesión
local-team-only-here = «{ $name }» y sus ciclos solo están en este dispositivo.
move-cycles-into = Trasladar sus ciclos a «{ $team }»
remove-local-team-ask = ¿Quitar este equipo y sus ciclos de este dispositivo?
remove-from-device = Quitarlo de este dispositivo
kind-name = { $kind ->
    [team] equipo
    [aim] objetivo
    [measure] medida
    [datapoint] dato
    [driver] impulsor
    [change_idea] idea de cambio
    [cycle] ciclo PDSA
    [report] informe mensual
    [comment] comentario
    [collaborative] colaborativo
    [session] evento del calendario
   *[measure_def] medida común
}
refused-title = Cambios que el servidor rechazó
refused-hint = No se aplicaron. Copie o descargue lo que necesite y después descártelos.
download-refused = Descargar estos cambios (JSON)
drop-refused = Descartar estos cambios
opening-page = Abriendo esta página…
page-not-loaded = Página no cargada
page-could-not-load = No se pudo cargar esta página
page-could-not-load-text = Ramp no pudo obtener esta parte de la aplicación: puede que este dispositivo esté sin conexión o que la conexión se cortara. Todo lo que guardó sigue en este dispositivo y el resto de Ramp funciona.
try-again = Volver a intentarlo
nothing-here = Aquí no hay nada
nothing-here-text = Esta dirección no corresponde a nada en Ramp. Puede ser un ciclo de otro dispositivo que aún no ha llegado a este.
go-to-teams = Ir a sus equipos

dashboard = Panel
teams-gone-quiet = { $teams } · { $count ->
    [one] { $count } en silencio
   *[other] { $count } en silencio
}
sort = Ordenar
find = Buscar
team-name = Nombre del equipo
only-quiet-teams = Solo los equipos en silencio
no-teams-to-show = Aún no hay equipos que mostrar. Los equipos que asesora o dirige aparecen aquí tras una sincronización.
never = nunca
days = { $count ->
    [one] { $count } día
   *[other] { $count } días
}
gone-quiet = En silencio
score-team-faculty = Puntuación (equipo / profesorado)
score-line-key = — equipo · - - profesorado
cycles-per-month = Ciclos PDSA por mes
in-six-months = { $count } en 6 meses
since-last = Desde el último ciclo · dato
aim-progress = Avance hacia el objetivo
of-the-way = { $percent } del camino hacia la meta
aim-progress-figures = { $measure }: { $baseline } → { $latest } (meta { $goal })
no-outcome-with-goal = Aún no hay una medida de resultado con meta y datos
dash-sort-quiet = En silencio primero
dash-sort-name = Nombre
dash-sort-score = Puntuación más baja primero
dash-sort-velocity = Menos ciclos primero
library-sort-driver = Por impulsor
library-sort-teams = Primero las de más equipos
library-sort-evidence = Primero las de más evidencia
quiet-no-cycle-for = Ningún ciclo PDSA desde hace { $days } días
quiet-no-cycle = Aún ningún ciclo PDSA
quiet-no-data-for = Ningún dato nuevo desde hace { $days } días
quiet-no-data = Aún no hay datos de las medidas
ramp-stage-not-started = Sin empezar
ramp-stage-testing = En prueba
ramp-stage-implementing = En implantación
ramp-stage-spreading = En difusión
ramp-stage-abandoned = Abandonada
evidence-not-reported = No hay una medida de resultado común que leer.
evidence-no-improvement = { $measure }: aún sin señal de mejora.
evidence-improved-before = { $measure }: la mejora empezó antes de que el equipo probara esta idea.
evidence-improved-after = { $measure }: una señal de mejora empezó en { $from }, después de empezar las pruebas (una señal tras un cambio no demuestra que el cambio la causara).

change-library = Biblioteca de cambios
library-lead = Cada idea del paquete de cambios y lo que los equipos hicieron con ella. Una señal de mejora después de que un equipo empezara a probar una idea es una pista que seguir, no la prueba de que la idea la causara.
sort-and-filter = Ordenar y filtrar
order = Orden
driver = Impulsor
every-driver = Todos los impulsores
adopted-by-two = Adoptada por dos equipos o más
with-improved-team = Con un equipo que mejoró después de probarla
ideas-count = { $count ->
    [one] { $count } idea
   *[other] { $count } ideas
}
adopted-by-none = Ningún equipo la ha adoptado aún
adopted-by = Adoptada por { $count ->
    [one] { $count } equipo
   *[other] { $count } equipos
}
adopted-by-improved = Adoptada por { $count ->
    [one] { $count } equipo
   *[other] { $count } equipos
} · { $improved } mejoraron después de probarla
came-from-a-team = Procede de uno de los equipos
came-from = Procede de { $team }
driver-is = Impulsor: { $drivers }
scales-are = {" "}· escala: { $scales }
no-cycles-short = Aún sin ciclos
decision-count = { $decision ->
    [adapt] adaptar
    [adopt] adoptar
   *[abandon] abandonar
} { $count }
their-wording = Su redacción: «{ $wording }»
act-decisions = {" "}· Actuar: { $decisions }
add-to-package = Añadirla al paquete de cambios
proposed-by-teams = Propuestas de los equipos
no-proposals = Ningún equipo ha propuesto aún una idea propia. Un equipo la propone desde la página de la idea.

learning-session = Sesión de aprendizaje{ $number ->
    [none] {""}
   *[other] {" "}{ $number }
} · { $date }
learning-session-short = Sesión{ $number ->
    [none] {""}
   *[other] {" "}{ $number }
} · { $date }
learning-session-label = Sesión de aprendizaje
story-none = El storyboard pertenece a una sesión de aprendizaje: aparece cuando el calendario del colaborativo en este dispositivo tiene una.
storyboards = Storyboards
add-learning-session = Añada una sesión de aprendizaje al calendario: los storyboards pertenecen a una.
print-storyboards = Imprimir todos los storyboards
members-none = Miembros: aún no consta ninguno en este dispositivo
members = Miembros: { $names }
story-own-score = Puntuación del propio equipo, { $month }: { $score } — { $level }
story-own-score-none = Puntuación del propio equipo: aún sin dar
no-aim-written = Aún no hay objetivo escrito.
aim-met = Objetivo cumplido
aim-not-met = Objetivo aún no cumplido
aim-no-judge = No hay una medida de resultado con meta con la que juzgarlo
drivers-in-brief = El diagrama de impulsores en resumen
no-ideas-under-driver = Aún no se ha probado ninguna idea de cambio bajo un impulsor.
ramps = Rampas
story-ramp = { $cycles } · adaptar { $adapt }, adoptar { $adopt }, abandonar { $abandon }
what-we-learned = Lo que aprendimos
whats-next = Lo que sigue
not-written-yet = Aún sin escribir.

people-not-allowed = Solo el profesorado del colaborativo puede ver y cambiar quién está en un equipo.
asking-server = Preguntando al servidor…
no-one-on-team = Aún no hay nadie en este equipo: cree una invitación abajo.
invites = Invitaciones
no-invites = No se ha creado ninguna invitación para este equipo.
role-coach-title = Asesor
role-member-title = Miembro
now-role = { $name } es ahora { $role ->
    [coach] asesor
   *[member] miembro
} de este equipo.
remove-person-ask = ¿Retirar a { $name } de este equipo? Sus dispositivos dejan de recibir sus cambios, y lo que aún no hayan enviado se rechaza.
no-longer-on-team = { $name } ya no está en este equipo.
disable-account-ask = ¿Desactivar la cuenta de { $name }? Se cierra su sesión en todas partes a la vez y no podrá iniciarla hasta que se active.
account-enabled = La cuenta de { $name } vuelve a estar activa.
account-disabled = La cuenta de { $name } está desactivada y su sesión cerrada en todas partes.
account-disabled-tag = Cuenta desactivada
make-role = Hacer { $role ->
    [coach] asesor
   *[member] miembro
}
remove-from-team = Retirar del equipo
enable-account = Activar la cuenta
disable-account = Desactivar la cuenta
password-reset-code = Código de restablecimiento
give-reset-code = Dé a { $name } este código: con su correo establece una contraseña nueva en la página de inicio de sesión, una vez, en un plazo de 3 días.
invite-numbers = Indique el número de personas y de días con números enteros.
invite-made = Para { $count ->
    [one] una persona
   *[other] { $count } personas
} que se unen como { $role ->
    [coach] asesor
   *[member] miembro
}, hasta { $until }. Solo se muestra ahora: cópielo.
invite-someone = Invitar a alguien
role-in-team = Rol en el equipo
invite-uses = Para cuántas personas
invite-uses-hint = De 1 a 200; cada persona lo usa una vez.
invite-days = Válido durante (días)
invite-days-hint = De 1 a 90.
make-invite-code = Crear el código de invitación
invite-used = Usado { $uses } de { $max } · hasta { $until }
taken-by = Lo usaron { $names }
invite-revoked = La invitación está revocada: su código ya no funciona.
invite-title = Invitación de { $role } · { $state ->
    [revoked] Revocada
    [used-up] Agotada
    [expired] Caducada
   *[open] Abierta
}
revoke = Revocar

activity-not-allowed = Solo el profesorado del colaborativo puede leer el registro de actividad de un equipo.
activity-hint = Cada cambio que el servidor recibió para este equipo y cada cambio de quién está en él, los más recientes primero.
activity-empty = Aún no ha llegado nada al servidor para este equipo.
show-older-changes = Mostrar cambios anteriores
server-admin = La administración del servidor
someone-lower = alguien
access-joined = { $subject } se unió al equipo como { $role }, con una invitación.
access-added = { $actor } añadió a { $subject } al equipo como { $role }.
access-role-changed = { $actor } cambió el rol de { $subject } de { $from } a { $role }.
access-removed = { $actor } retiró a { $subject } ({ $role }) del equipo.
access-disabled = { $actor } desactivó la cuenta de { $subject }.
access-enabled = { $actor } volvió a activar la cuenta de { $subject }.
access-reset-code = { $actor } creó un código de restablecimiento de contraseña para { $subject }.
access-invite-made = { $actor } creó una invitación para { $count ->
    [one] un { $role }
   *[other] { $count } personas como { $role }
}.
access-invite-revoked = { $actor } revocó una invitación de { $role }.
refused-because = Rechazado:
activity-subject = { $kind } «{ $title }»
activity-deleted = { $subject }: eliminado

home = Inicio
collaborative = Colaborativo
the-collaborative = El colaborativo
about = Acerca de
calendar = Calendario
common-measures = Medidas comunes
change-package = Paquete de cambios
sharing = Compartir
compare-teams = Comparar equipos
sharing-between-teams = Compartir entre equipos
sharing-on = Se comparte. Los miembros y asesores de cada equipo pueden leer los objetivos, medidas y gráficos, ideas de cambio, rampas y ciclos de los otros equipos, y comentarlos. Nunca cambian el trabajo de otro equipo, y no ven sus informes mensuales ni las puntuaciones del profesorado, solo lo que muestran sus storyboards.
sharing-off = No se comparte. Cada equipo ve solo su propio trabajo; los asesores ven los equipos que asesoran, y el profesorado todos los equipos.
sharing-off-hint = Al dejar de compartir, los datos nuevos dejan de llegar a los dispositivos de los otros equipos. Lo que ya recibieron se queda en sus dispositivos, legible, y se les avisa.
sharing-left = Este dispositivo aún guarda lo que { $count ->
    [one] otro equipo compartió
   *[other] { $count } otros equipos compartieron
} antes de que se dejara de compartir, tal como estaba entonces. No recibe actualizaciones.
event = Evento
no-dates = Aún no hay fechas.
add-a-date = Añadir una fecha
add-to-calendar = Añadir al calendario
common-measures-hint = Todos los equipos informan de estas; los equipos pueden añadir también sus propias medidas.
no-common-measures = Aún no hay medidas comunes.
add-a-common-measure = Añadir una medida común
add-the-common-measure = Añadir la medida común
no-package-ideas = Aún no hay ideas de cambio en el paquete.
add-idea-to-package = Añadir una idea de cambio al paquete
add-to-the-package = Añadir al paquete
add-driver-to-package = Añadir un impulsor al paquete
where-it-goes = Dónde va
secondary-under = Secundario, bajo «{ $driver }»
add-the-driver = Añadir el impulsor
name-the-new-team = Dé un nombre al equipo nuevo.
team-added = «{ $name }» está añadido; aparece abajo tras la próxima sincronización.
another-team-read = Otro equipo: leer y comentar
people-and-invites = Personas e invitaciones
add-a-team-online = Añadir un equipo (necesita conexión)
add-team = Añadir el equipo
common-measure = Medida común
teams-side-by-side = Equipos lado a lado
print = Imprimir
one-scale = El gráfico de cada equipo en una misma escala: los mismos valores en el eje vertical, los mismos meses abajo.
not-reported-yet = Aún sin informar
scores-per-month = Puntuaciones por mes
scores-legend = Qué equipo estaba en cada nivel de la escala de evaluación cada mes: E por la puntuación del propio equipo, P por la del profesorado o su asesor. Los equipos:

score-team-letter = E
score-review-letter = P

chart-empty = El gráfico aparece con el primer dato.
no-signal-random = Sin señal: la variación parece aleatoria (causa común).
key-point = El valor de un mes
key-signal = Parte de una señal (más grande, naranja)
key-note = Tiene una nota (con anillo): tóquelo
key-excluded = Fuera de los cálculos (hueco)
key-centre = Línea central
key-limit = Límites de control
key-goal = Meta
key-flag = Inicio de un ciclo PDSA (numerado como en la lista de abajo)
mr-summary = Rangos móviles: media { $centre }, límite superior { $upper } (última fase)
moving-range = Rango móvil
chart-name-run = Gráfico de ejecución
chart-name-i = Gráfico I (valores individuales)
chart-name-p = Gráfico P (proporciones)
chart-name-u = Gráfico U (tasas)
chart-name-c = Gráfico C (recuentos)
chart-name-g = Gráfico G (casos entre sucesos)
chart-name-t = Gráfico T (tiempo entre sucesos)
chart-name-pp = Gráfico P′ (Laney: proporciones, denominadores grandes)
chart-name-up = Gráfico U′ (Laney: tasas, denominadores grandes)

rules-name-ihi = Reglas del IHI para gráficos de ejecución: desplazamiento 6, tendencia 5, rachas
rules-name-anhoej = Reglas de Anhøj: racha más larga, cruces
rules-name-shewhart = Reglas de Shewhart: fuera de un límite, 8 a un lado, 6 en ascenso o descenso, 2 de 3 en el tercio exterior, 15 en el tercio interior
rules-name-mdc = Reglas de Making Data Count: fuera de un límite, 7 a un lado, 7 en ascenso o descenso, 2 de 3 cerca de un límite

csv-hint = El archivo CSV escribe los números como los leen las hojas de cálculo y los programas de estadística en cualquier idioma: un punto antes de los decimales y sin separador de miles.

issue-unknown_team = Este equipo no forma parte de ningún colaborativo en el servidor.
reason-bad_credentials = El correo electrónico o la contraseña no son correctos.
reason-bad_invite = Este código de invitación no es válido (o ha caducado): compruébelo con quien se lo dio.
reason-email_taken = Ya existe una cuenta con este correo electrónico.
reason-too_many_attempts = Demasiados intentos fallidos: espere { $wait } y vuelva a intentarlo.
reason-too_large = La solicitud es demasiado grande.
reason-account_disabled = Esta cuenta está desactivada: consulte al profesorado de su colaborativo.
reason-bad_reset_code = Este código de restablecimiento no es válido para este correo (o ha caducado): pida uno nuevo.
reason-already_on_team = Ya es { $role ->
    [faculty] profesorado
    [coach] asesor
   *[member] miembro
} de este equipo: pida a su profesorado que cambie su rol.
reason-not_on_team = Esta persona no está en este equipo.
reason-storage_full = El almacenamiento del servidor está lleno: sus cambios se quedan en este dispositivo y se envían cuando vuelva a haber espacio.
reason-unavailable = El almacenamiento del servidor no puede recibir cambios ahora; vuelva a intentarlo más tarde.
reason-server_failed = El servidor falló; vuelva a intentarlo más tarde.
reason-not_an_email = Indique un correo electrónico, como nombre@ejemplo.org.
reason-short_password = Elija una contraseña de al menos { $min } caracteres.
reason-wrong_password = La contraseña actual no es correcta.
reason-name_length = Indique su nombre tal como lo conoce su equipo (hasta { $max } caracteres).
reason-name_character = Un nombre no puede contener «·» ni caracteres de control.
wait-seconds = { $count ->
    [one] un segundo
   *[other] { $count } segundos
}
wait-minutes = { $count ->
    [one] un minuto
   *[other] { $count } minutos
}

app-name = Ramp: ciclos PDSA y medidas
app-short-name = Ramp
app-description = Planifique, lleve a cabo y aprenda de ciclos PDSA con su equipo de mejora, con o sin cobertura.

warning-chart-does-not-fit = Este tipo de gráfico no se ajusta al tipo de la medida; se muestra el { $chart }.
warning-phase-break-not-a-period = El cambio de fase «{ $from }» no es un mes ni una fecha: se deja fuera.
warning-freeze-past-break = La congelación de la línea de base ({ $points } puntos) pasa del primer cambio de fase: no se usa. Congele menos puntos de los que tiene la primera fase, o quite la congelación.
warning-overdispersed = Estos puntos varían { $times } veces más de lo que espera un { $chart }: con denominadores tan grandes sus límites son demasiado estrechos y casi todos los puntos parecen especiales. Se ajusta el { $better }: elíjalo en Gráfico.
warning-no-control-chart = Esta medida no tiene gráfico de control.
warning-few-points-for-rules = Solo { $points ->
    [one] { $points } punto
   *[other] { $points } puntos
}: las reglas del gráfico de ejecución son más fiables con { $needed } puntos o más.
warning-trial-limits = Solo { $points ->
    [one] { $points } punto
   *[other] { $points } puntos
} para los límites: trátelos como límites de prueba hasta que haya { $needed }.
warning-t-needs-positive = Un gráfico T necesita tiempos mayores que 0 entre sucesos: introduzca cada tiempo como días (u horas) desde el último suceso.
mark-frozen = Línea de base congelada
mark-frozen-because = Línea de base congelada: { $reason }
mark-phase = Nueva fase desde { $from }
mark-phase-because = { $reason } (desde { $from })

import-too-large = Este archivo ocupa más de { $mb } MB: no es una copia de Ramp.
import-not-a-backup = Este archivo no es una copia de seguridad de un equipo de Ramp ({ $why }).
import-newer-version = Esta copia la hizo un Ramp más reciente (formato { $version }). Actualice Ramp y vuelva a importarla.
skipped-id-does-not-fit = Un registro de { $kind } cuyo identificador no corresponde al equipo ({ $id }).
skipped-id-in-use = Un registro de { $kind } cuyo identificador ya usa este dispositivo para otra cosa ({ $id }).
skipped-bad-value = { $kind } { $id }, «{ $field }»: { $issue }
skipped-empty = Un registro de { $kind } vacío ({ $id }).

dates-from = Desde el { $start }
dates-until = Hasta el { $end }

cycle-from = { $title } (desde el { $start })
