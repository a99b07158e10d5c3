/** The columns side by side (scrolling sideways on a phone) inside one drag-and-drop context. */
import { Box, Group } from '@mantine/core';
import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  MouseSensor,
  TouchSensor,
  useSensor,
  useSensors,
  type DragEndEvent,
} from '@dnd-kit/core';
import { useState } from 'react';
import type { Deal } from '../../../src/modules/crm/deal/deal.contract';
import type { Pipeline } from '../../../src/modules/crm/pipeline/pipeline.contract';
import { BoardColumn } from './board-column';
import { DealCard, DragPreview } from './deal-card';

type Props = {
  pipeline: Pipeline;
  deals: Deal[];
  customerNames: Map<string, string>;
  ownerNames: Map<string, string>;
  onMove: (dealId: string, stageId: string) => void;
  onWin: (deal: Deal) => void;
  onLose: (deal: Deal) => void;
};

/** The board; the lost stage has no column (lost deals leave the board). */
export function Board({ pipeline, deals, customerNames, ownerNames, onMove, onWin, onLose }: Props) {
  const sensors = useSensors(
    // A few pixels of travel before a drag starts, so a click on the card's link still opens it.
    useSensor(MouseSensor, { activationConstraint: { distance: 6 } }),
    // On a phone a short press starts the drag; a swipe scrolls the columns.
    useSensor(TouchSensor, { activationConstraint: { delay: 200, tolerance: 8 } }),
    useSensor(KeyboardSensor),
  );
  const stages = [...pipeline.stages].filter((s) => !s.lost).sort((a, b) => a.position - b.position);
  const currency = deals[0]?.currency ?? 'CNY';
  const [dragging, setDragging] = useState<Deal | null>(null);
  const onDragEnd = (event: DragEndEvent) => {
    setDragging(null);
    const target = event.over?.id;
    const deal = deals.find((d) => d.id === event.active.id);
    if (typeof target !== 'string' || !deal || deal.stageId === target) return;
    onMove(deal.id, target);
  };
  return (
    <DndContext
      sensors={sensors}
      onDragStart={(event) => setDragging(deals.find((d) => d.id === event.active.id) ?? null)}
      onDragCancel={() => setDragging(null)}
      onDragEnd={onDragEnd}
    >
      <Box style={{ overflowX: 'auto' }} pb="xs" data-testid="board-scroll">
        <Group align="flex-start" wrap="nowrap" gap="xs">
          {stages.map((stage) => {
            const inStage = deals.filter((d) => d.stageId === stage.id);
            return (
              <BoardColumn key={stage.id} stage={stage} deals={inStage} currency={currency}>
                {inStage.map((deal) => (
                  <DealCard
                    key={deal.id}
                    deal={deal}
                    customerName={customerNames.get(deal.customerId)}
                    ownerName={deal.ownerUserId ? ownerNames.get(deal.ownerUserId) : undefined}
                    onWin={onWin}
                    onLose={onLose}
                  />
                ))}
              </BoardColumn>
            );
          })}
        </Group>
      </Box>
      {/* No drop animation: the card is already in its new column when the overlay would fly back. */}
      <DragOverlay dropAnimation={null}>{dragging && <DragPreview deal={dragging} />}</DragOverlay>
    </DndContext>
  );
}
